using AvEval.Tracking.Comparison;

namespace AvEval.Reports;

/// <summary>How <see cref="ReportBuilder"/> builds a report.</summary>
/// <param name="PolicyFile">The gate policy; null for <c>gate.yaml</c> in the candidate run's suite folder, when there is one (else the report has no gate decision).</param>
/// <param name="TrendCandidates">How many candidates the trend and the drill-down show at most (the latest by their latest complete run; the two compared are always among them).</param>
/// <param name="Comparison">The comparison's settings (a policy's flakiness threshold replaces <see cref="ComparisonOptions.FlakyThreshold"/>).</param>
/// <param name="Scenes">How many scenarios get a bird's-eye view at most: new failures first, then the candidate's other failing scenarios, by id (0: none).</param>
public sealed record ReportOptions(string? PolicyFile = null, int TrendCandidates = 20, ComparisonOptions? Comparison = null, int Scenes = 25)
{
    /// <summary>The gate policy file the builder looks for in a run's suite folder.</summary>
    public const string SuitePolicyFile = "gate.yaml";
}
