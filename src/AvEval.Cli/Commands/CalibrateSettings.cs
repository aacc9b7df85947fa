namespace AvEval.Cli.Commands;

/// <summary>The arguments of <c>aveval calibrate</c>.</summary>
/// <param name="Evaluator">The evaluator, <c>id@version</c>.</param>
/// <param name="GoldenSet">The golden set's name under <c>scenarios/golden/</c>, or its folder.</param>
/// <param name="Method"><c>temperature</c>, <c>platt</c> or <c>isotonic</c>.</param>
/// <param name="Seed">Seed of the split by scene and of the bootstrap.</param>
/// <param name="Version">The new version; null for the parent's next minor version.</param>
/// <param name="Root">The repository root.</param>
internal sealed record CalibrateSettings(string Evaluator, string GoldenSet, string Method, int Seed, string? Version, string Root);
