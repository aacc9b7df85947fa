namespace AvEval.Runs;

/// <summary>A run as listed: status, time span, candidates and counts.</summary>
/// <param name="Id">The run.</param>
/// <param name="Status">Its status; anything but <see cref="RunStatus.Complete"/> is incomplete.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended, or null while running (or killed).</param>
/// <param name="Candidates">The candidate ids.</param>
/// <param name="Cases">Cases recorded.</param>
/// <param name="Failures">Recorded cases that block the release.</param>
public sealed record RunSummary(RunId Id, RunStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<string> Candidates, int Cases, int Failures);
