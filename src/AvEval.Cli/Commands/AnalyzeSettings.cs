using AvEval.Scenes;

namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval analyze</c> was asked to do.</summary>
/// <param name="Log">The log to analyze, any supported format.</param>
/// <param name="Ego">The track to analyze as ego; null analyzes every vehicle in turn.</param>
/// <param name="Format">Table or JSON.</param>
internal sealed record AnalyzeSettings(string Log, TrackId? Ego, OutputFormat Format);
