namespace AvEval.Reports.Model;

/// <summary>One output of a learned evaluator for a drive, with the model that produced it.</summary>
/// <param name="Evaluator">The evaluator (model) id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">The model file's SHA-256.</param>
/// <param name="Output">The output's name (<c>probability</c>).</param>
/// <param name="Value">The value.</param>
public sealed record ReportLearnedOutput(string Evaluator, string Version, string Sha256, string Output, double Value);
