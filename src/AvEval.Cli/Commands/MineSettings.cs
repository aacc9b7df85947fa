using AvEval.Cli.Mining;

namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval mine</c> was asked to do.</summary>
/// <param name="Logs">The logs to mine, inside the suite folder.</param>
/// <param name="Behavior">The behaviour (a folder name of <c>behaviors/</c>).</param>
/// <param name="Out">The folder to write into, <c>&lt;suite&gt;/behaviors/&lt;behaviour&gt;/</c>.</param>
/// <param name="Force">Overwrite existing files of the same name.</param>
/// <param name="Baseline">A candidate id: proposals it does not pass become warnings; null for none.</param>
/// <param name="Options">Caps and window lengths.</param>
internal sealed record MineSettings(IReadOnlyList<string> Logs, string Behavior, string Out, bool Force, string? Baseline, MiningOptions Options);
