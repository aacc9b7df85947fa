namespace AvEval.Runs;

/// <summary>One case as a JSON document (the <c>evaluation.json</c> a scenario test attaches).</summary>
/// <param name="Format">Always <see cref="RunJson.CaseFormat"/>.</param>
/// <param name="Case">The case.</param>
public sealed record CaseDocument(string Format, CaseRecord Case);
