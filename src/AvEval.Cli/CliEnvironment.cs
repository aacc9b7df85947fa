using AvEval.Analysis;
using AvEval.Import;

namespace AvEval.Cli;

/// <summary>What the commands work with: where they write, which importers read logs, which analyzers run.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Importers">The log importers.</param>
/// <param name="Analysis">The rule analyzers.</param>
internal sealed record CliEnvironment(TextWriter Output, TextWriter Error, SceneImporters Importers, RuleAnalysis Analysis);
