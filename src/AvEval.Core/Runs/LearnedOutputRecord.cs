namespace AvEval.Runs;

/// <summary>One output of a learned evaluator (or judge) for a case's drive.</summary>
/// <param name="Evaluator">The evaluator id.</param>
/// <param name="Version">Its full version.</param>
/// <param name="Sha256">SHA-256 of its model file.</param>
/// <param name="Output">The output name (<c>probability</c>).</param>
/// <param name="Value">The value.</param>
public sealed record LearnedOutputRecord(string Evaluator, string Version, string Sha256, string Output, double Value);
