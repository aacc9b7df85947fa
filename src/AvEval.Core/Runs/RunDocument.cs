namespace AvEval.Runs;

/// <summary>A whole run as one JSON document (<c>aveval run --format json</c>).</summary>
/// <param name="Format">Always <see cref="RunJson.RunFormat"/>.</param>
/// <param name="RunId">The run's id (<see cref="Runs.RunId.Value"/>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Cases">Every case, in run order.</param>
public sealed record RunDocument(string Format, string RunId, RunStatus Status, IReadOnlyList<CaseRecord> Cases);
