namespace AvEval.Tracking.Comparison;

/// <summary>The paired comparison of a candidate's run with a baseline's (<see cref="RunComparer"/>).</summary>
/// <param name="Store">The results store read.</param>
/// <param name="Baseline">The baseline side.</param>
/// <param name="Candidate">The candidate side.</param>
/// <param name="Options">The settings used.</param>
/// <param name="Scenarios">Every paired scenario with its transition, in the candidate's order.</param>
/// <param name="Behaviors">Per behaviour, by name.</param>
/// <param name="OnlyInBaseline">Scenarios only the baseline holds (not paired, listed).</param>
/// <param name="OnlyInCandidate">Scenarios only the candidate holds.</param>
/// <param name="BaselineHistory">Flip rates in the baseline fingerprint's history.</param>
/// <param name="CandidateHistory">Flip rates in the candidate fingerprint's history.</param>
public sealed record Comparison(
    string Store,
    ComparedRun Baseline,
    ComparedRun Candidate,
    ComparisonOptions Options,
    IReadOnlyList<ScenarioComparison> Scenarios,
    IReadOnlyList<BehaviorComparison> Behaviors,
    IReadOnlyList<string> OnlyInBaseline,
    IReadOnlyList<string> OnlyInCandidate,
    FlipRates BaselineHistory,
    FlipRates CandidateHistory)
{
    /// <summary>The format name of the JSON document (<see cref="ComparisonJsonWriter"/>).</summary>
    public const string Format = "aveval.comparison/1";

    /// <summary>
    /// The split of each behaviour's change into driving and evaluator effects (<see cref="AttributionScorer"/>); null
    /// when it was not asked for or the two runs' evaluator sets are the same.
    /// </summary>
    public Attribution? Attribution { get; init; }
}
