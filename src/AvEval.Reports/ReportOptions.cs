using AvEval.Tracking.Comparison;

namespace AvEval.Reports;

/// <summary>How <see cref="ReportBuilder"/> builds a report.</summary>
/// <param name="PolicyFile">The gate policy; null for <c>gate.yaml</c> in the candidate run's suite folder, when there is one (else the report has no gate decision).</param>
/// <param name="TrendCandidates">How many candidates the trend and the drill-down show at most (the latest by their latest complete run; the two compared are always among them).</param>
/// <param name="Comparison">The comparison's settings (a policy's flakiness threshold replaces <see cref="ComparisonOptions.FlakyThreshold"/>).</param>
public sealed record ReportOptions(string? PolicyFile = null, int TrendCandidates = 20, ComparisonOptions? Comparison = null)
{
    /// <summary>The gate policy file the builder looks for in a run's suite folder.</summary>
    public const string SuitePolicyFile = "gate.yaml";
}
