using AvEval.Analysis;
using AvEval.Import;
using AvEval.Runs;

namespace AvEval.Cli;

/// <summary>What the commands work with: where they write, which importers read logs, which analyzers run.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Importers">The log importers.</param>
/// <param name="Analysis">The rule analyzers.</param>
/// <param name="LogFolder">Where an internal error's details are written; null for <see cref="DefaultLogFolder"/>.</param>
/// <param name="OpenStore">Opens the results store at a path as a recorder (<c>aveval run --store</c>); null when no store is configured.</param>
/// <param name="Interactive">
/// Whether <paramref name="Output"/> is this process's standard output and not redirected, so that a command may draw a
/// live display there (<c>aveval run</c>'s progress bar, which still checks that the terminal can show it); false in tests
/// that capture the output.
/// </param>
internal sealed record CliEnvironment(TextWriter Output, TextWriter Error, SceneImporters Importers, RuleAnalysis Analysis, string? LogFolder = null, Func<string, IRunRecorder>? OpenStore = null, bool Interactive = false)
{
    /// <summary>The folder internal-error logs go to when none is given: <c>aveval/logs</c> under the temporary folder.</summary>
    public static string DefaultLogFolder => Path.Combine(Path.GetTempPath(), "aveval", "logs");
}
