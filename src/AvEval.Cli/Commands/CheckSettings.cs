namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval check</c> was asked to check.</summary>
/// <param name="Paths">Scenario files, <c>candidates.yaml</c> files or folders (every <c>*.yaml</c> below); empty checks the whole suite.</param>
/// <param name="Suite">The suite folder (holding <c>candidates.yaml</c>); null finds it above the first path, else above the current folder.</param>
internal sealed record CheckSettings(IReadOnlyList<string> Paths, string? Suite);
