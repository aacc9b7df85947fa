namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval import</c> was asked to do.</summary>
/// <param name="Log">The log to import, any supported format.</param>
/// <param name="OutputDirectory">Where the canonical <c>.scene.parquet</c> file goes; created if missing.</param>
internal sealed record ImportSettings(string Log, string OutputDirectory);
