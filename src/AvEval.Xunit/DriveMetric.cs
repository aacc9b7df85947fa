using System.Globalization;
using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Xunit.Internal;
using Shouldly;

namespace AvEval.Xunit;

/// <summary>
/// One metric of an evaluated drive, with Shouldly-style assertions. Bounds are in the metric's own unit
/// (<see cref="Metric"/>.<c>Unit</c>: seconds for TTC, m/s² for accelerations). The assertions judge the same
/// expectations a scenario file writes (<c>ttc.nuplan.min &gt;= 0.95 s</c>), so their messages are the same; a metric
/// without a value fails every assertion, saying why it has none: missing data never passes.
/// </summary>
/// <param name="Drive">The drive it was measured on.</param>
/// <param name="Metric">The metric.</param>
public sealed record DriveMetric(EvaluatedDrive Drive, Metric Metric)
{
    /// <summary>Asserts value ≥ <paramref name="bound"/>.</summary>
    /// <exception cref="ShouldAssertException">It is lower, or has no value.</exception>
    public DriveMetric ShouldBeAtLeast(double bound) => Check(ComparisonOperator.GreaterOrEqual, bound);

    /// <summary>Asserts value ≤ <paramref name="bound"/>.</summary>
    /// <exception cref="ShouldAssertException">It is higher, or has no value.</exception>
    public DriveMetric ShouldBeAtMost(double bound) => Check(ComparisonOperator.LessOrEqual, bound);

    /// <summary>Asserts <paramref name="low"/> ≤ value ≤ <paramref name="high"/>.</summary>
    /// <exception cref="ShouldAssertException">It is outside, or has no value.</exception>
    public DriveMetric ShouldBeBetween(double low, double high) =>
        Check(ComparisonOperator.GreaterOrEqual, low).Check(ComparisonOperator.LessOrEqual, high);

    private DriveMetric Check(ComparisonOperator op, double bound)
    {
        if (!UnitTable.TryFind(Metric.Unit, out var unit))
        {
            throw new ShouldAssertException($"{Drive.Label}: {Metric.Name} is reported in unit '{Metric.Unit}', which the unit table does not know, so it cannot be compared.");
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{Metric.Name} {op} {bound:R} {unit.Symbol}");
        var outcome = new MetricExpectation(text, SourceLocation.InCode, Metric.Name, op, bound, unit).Judge(Drive.Evaluation);
        return outcome.Outcome == Outcome.Pass
            ? this
            : throw new ShouldAssertException(FailureText.ForAssertion(Drive, outcome));
    }
}
