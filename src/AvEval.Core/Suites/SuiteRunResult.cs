using AvEval.Runs;

namespace AvEval.Suites;

/// <summary>A run of a suite as it ended.</summary>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Status">Its status (a run that returns is <see cref="RunStatus.Complete"/>).</param>
/// <param name="Cases">Every case's outcome, in run order.</param>
public sealed record SuiteRunResult(RunManifest Manifest, RunStatus Status, IReadOnlyList<CaseOutcome> Cases)
{
    /// <summary>Whether every blocking case passed (no case is a <see cref="CaseOutcomeKind.Failure"/>).</summary>
    public bool Passed => Cases.All(c => c.Kind != CaseOutcomeKind.Failure);
}
