using System.Globalization;
using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// One line of a scenario's <c>expectations</c>, parsed (see <see cref="ExpectationParser"/>). Judging never passes
/// on missing data: a metric that is absent or has no value makes the outcome inconclusive.
/// </summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
public abstract record Expectation(string Text, SourceLocation Location)
{
    /// <summary>Judges a drive's evaluation against this expectation.</summary>
    public abstract ExpectationOutcome Judge(Evaluation evaluation);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>A number for messages: up to three decimals, invariant culture, <c>infinity</c> for ∞.</summary>
    internal static string Format(double value) => value switch
    {
        double.PositiveInfinity => "infinity",
        double.NegativeInfinity => "-infinity",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Why the events of a kind cannot be counted on in an evaluation (no analyzer ran, or the kind's detector reported
    /// that it could not look), or null when they can.
    /// </summary>
    internal static string? UndetectedBecause(Evaluation evaluation, EventKind kind)
    {
        if (evaluation.Analyzers.Count == 0)
        {
            return "no analyzer ran on this drive";
        }

        if (!PublishedMetrics.DetectorMetrics.TryGetValue(kind, out var names))
        {
            return null;
        }

        return names.Select(evaluation.FindMetric).FirstOrDefault(m => m is { Value: null }) is { } metric
            ? $"the {kind} detector did not look ({metric.Name} has no value: {metric.Reason ?? "no reason given"})"
            : null;
    }

    /// <summary>Where an event happened and with whom, for messages: <c>t=3.4–5.1 s with track 1234</c>.</summary>
    internal static string Describe(DrivingEvent e)
    {
        var agents = e.Agents.Count == 0 ? "" : $" with track {string.Join(", ", e.Agents)}";
        return $"t={Format(e.StartSeconds)}–{Format(e.EndSeconds)} s{agents}";
    }
}
