using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// <c>evaluator &lt;id&gt;@&lt;version&gt; &lt;output&gt; &lt;op&gt; &lt;value&gt;</c>, e.g.
/// <c>evaluator cut_in_detector@1 probability &gt;= 0.5</c>: a learned evaluator's output. Judged from the metric
/// <see cref="MetricName(string, string, string)"/> that the evaluator's analyzer (found through an
/// <see cref="IEvaluatorResolver"/>) adds to the drive's evaluation; without it the outcome is inconclusive with an
/// "unknown evaluator" message.
/// </summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="Evaluator">The evaluator id, e.g. <c>cut_in_detector</c>.</param>
/// <param name="Version">Its version, e.g. <c>1</c>.</param>
/// <param name="Output">The output compared, e.g. <c>probability</c>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The bound (dimensionless).</param>
public sealed record EvaluatorExpectation(
    string Text,
    SourceLocation Location,
    string Evaluator,
    string Version,
    string Output,
    ComparisonOperator Operator,
    double Value) : Expectation(Text, Location)
{
    /// <summary><c>id@version</c>.</summary>
    public string EvaluatorKey => $"{Evaluator}@{Version}";

    /// <summary>The metric a learned evaluator publishes for one output: <c>evaluator.&lt;id&gt;@&lt;version&gt;.&lt;output&gt;</c>.</summary>
    public static string MetricName(string evaluator, string version, string output) => $"evaluator.{evaluator}@{version}.{output}";

    /// <summary>The metric this expectation reads, see <see cref="MetricName(string, string, string)"/>.</summary>
    public string Metric => MetricName(Evaluator, Version, Output);

    /// <summary>Why this expectation cannot be resolved in this build.</summary>
    public string UnknownEvaluatorProblem => $"unknown evaluator '{EvaluatorKey}': learned evaluators are not available in this build";

    /// <inheritdoc/>
    public override ExpectationOutcome Judge(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.FindMetric(Metric) is { } metric)
        {
            if (metric.Value is not { } measured || double.IsNaN(measured))
            {
                return new(Text, Outcome.Inconclusive, null, Value, "1", $"{Metric} has no value ({metric.Reason ?? (metric.Value is null ? "no reason given" : "it is NaN")}), so '{Text}' cannot be judged.");
            }

            var outcome = Operator.Holds(measured, Value) ? Outcome.Pass : Outcome.Fail;
            return new(Text, outcome, measured, Value, "1", $"{Metric} was {Format(measured)}, expected {Operator} {Format(Value)} ({metric.Definition}).");
        }

        return new(Text, Outcome.Inconclusive, null, Value, "1", $"'{Text}' cannot be judged: {UnknownEvaluatorProblem}.");
    }
}
