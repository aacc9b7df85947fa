namespace AvEval.Tracking.Comparison;

/// <summary>
/// How much of each behaviour's change comes from the driving and how much from the evaluators
/// (<see cref="AttributionScorer"/>); present on a <see cref="Comparison"/> only when the two runs' evaluator sets differ.
/// </summary>
/// <param name="Status">Attributed, or skipped with a reason.</param>
/// <param name="Reason">Why it was skipped; null when attributed.</param>
/// <param name="Differences">What differs between the evaluator sets, one line each (e.g. <c>hard_braking_detector: 1.0.0 (sha256 …) → 1.1.0 (sha256 …)</c>).</param>
/// <param name="Behaviors">Per behaviour, by name (empty when skipped).</param>
/// <param name="Scenarios">Per paired, non-flaky scenario (empty when skipped).</param>
public sealed record Attribution(
    AttributionStatus Status,
    string? Reason,
    IReadOnlyList<string> Differences,
    IReadOnlyList<AttributionBehavior> Behaviors,
    IReadOnlyList<AttributionScenario> Scenarios)
{
    /// <summary>A skipped attribution.</summary>
    public static Attribution Skip(string reason, IReadOnlyList<string> differences) => new(AttributionStatus.Skipped, reason, differences, [], []);
}
