namespace AvEval.Reports.Model;

/// <summary>One side of the report's comparison.</summary>
/// <param name="Run">The run id.</param>
/// <param name="Candidate">The candidate id taken from it.</param>
/// <param name="Fingerprint">The candidate's fingerprint as the run recorded it.</param>
/// <param name="StartedAt">When the run started.</param>
public sealed record ReportRun(string Run, string Candidate, string Fingerprint, DateTimeOffset StartedAt);
