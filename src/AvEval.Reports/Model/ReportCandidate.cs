namespace AvEval.Reports.Model;

/// <summary>A column of the trend: a candidate and its latest complete run.</summary>
/// <param name="Id">The candidate id.</param>
/// <param name="Run">Its latest complete run.</param>
/// <param name="StartedAt">When that run started.</param>
/// <param name="Evaluators">The learned evaluators that run used, as <c>id@version</c>, sorted; the trend marks where this set changes.</param>
public sealed record ReportCandidate(string Id, string Run, DateTimeOffset StartedAt, IReadOnlyList<string> Evaluators);
