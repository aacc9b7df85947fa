using AvEval.Runs;

namespace AvEval.Tracking.Comparison;

/// <summary>One side of a comparison: a complete run and the candidate taken from it.</summary>
/// <param name="Run">The run.</param>
/// <param name="Candidate">The candidate id.</param>
/// <param name="Fingerprint">The candidate's fingerprint as the run recorded it.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Evaluators">The learned evaluators the run used.</param>
/// <param name="Cases">The candidate's cases and the run's log checks, in recorded order.</param>
public sealed record ComparedRun(RunId Run, string Candidate, string Fingerprint, DateTimeOffset StartedAt, IReadOnlyList<EvaluatorRecord> Evaluators, IReadOnlyList<CaseRecord> Cases);
