namespace AvEval.Runs;

/// <summary>
/// Where a run's results go as they are produced (the results store of AvEval.Tracking implements it). A run is
/// <see cref="RunStatus.Running"/> from <see cref="Begin"/> until <see cref="Finish"/>; cases recorded in between stay
/// readable even if the process dies.
/// </summary>
public interface IRunRecorder
{
    /// <summary>Records the start of a run with its manifest; the run is <see cref="RunStatus.Running"/>.</summary>
    void Begin(RunManifest manifest);

    /// <summary>Records cases of a running run; a case whose key is already recorded for that run is stored once (the later record replaces it).</summary>
    void Record(RunId run, IReadOnlyList<CaseRecord> cases);

    /// <summary>Ends a run with its final status and time.</summary>
    void Finish(RunId run, RunStatus status, DateTimeOffset endedAt);
}
