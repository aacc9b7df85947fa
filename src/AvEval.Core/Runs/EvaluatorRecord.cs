namespace AvEval.Runs;

/// <summary>A learned evaluator (or judge) version a run used.</summary>
/// <param name="Id">The evaluator id.</param>
/// <param name="Version">The full version resolved from the scenario's pin.</param>
/// <param name="Sha256">SHA-256 of its model file.</param>
/// <param name="Device">Where it ran (<c>cpu</c> or <c>cuda</c>).</param>
public sealed record EvaluatorRecord(string Id, string Version, string Sha256, string Device);
