namespace AvEval.Cli.Commands;

/// <summary>The arguments of <c>aveval golden certify</c>.</summary>
/// <param name="Evaluator">The evaluator, <c>id@version</c> (full or major pin).</param>
/// <param name="GoldenSet">The golden set's name under <c>scenarios/golden/</c>, or its folder.</param>
/// <param name="Format">Table or JSON.</param>
/// <param name="Root">The repository root (holding <c>scenarios/</c>).</param>
/// <param name="Write">Whether to write the result into the model card.</param>
internal sealed record GoldenCertifySettings(string Evaluator, string GoldenSet, OutputFormat Format, string Root, bool Write = true);
