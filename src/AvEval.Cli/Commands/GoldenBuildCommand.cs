using System.CommandLine;
using AvEval.Golden.Events;
using AvEval.Golden.Reasoning;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval golden build [--root dir] [--out dir]</c>: regenerates the shipped event golden sets and the chain-of-thought set from <c>scenarios/logs/</c>.</summary>
internal static class GoldenBuildCommand
{
    /// <summary>Builds the verb (the lead attaches it under <c>golden</c>).</summary>
    public static Command Create(CliEnvironment environment)
    {
        var root = new Option<string>("--root") { Description = "The repository root (holding scenarios/logs). Default: the current directory.", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var output = new Option<string?>("--out") { Description = "Where to write the sets. Default: <root>/scenarios/golden." };
        var command = new Command("build", "Regenerate the hard-braking, cut-in and chain-of-thought (cot) golden sets from the in-repo NGSIM logs.") { root, output };
        command.SetAction(parse => Execute(parse.GetValue(root)!, parse.GetValue(output), environment));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(string root, string? output, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (hardBraking, cutIn) = EventGoldenSets.WriteAll(root, output);
        var cot = ReasoningGoldenSet.Write(Path.Combine(output ?? Path.Combine(root, "scenarios", "golden"), ReasoningGoldenSet.Name), ReasoningGoldenSet.Build(root));
        foreach (var set in new[] { hardBraking, cutIn, cot })
        {
            environment.Output.WriteLine($"{set.Manifest.Name} v{set.Manifest.Version}: {set.Items.Count} items, {set.Labels.Count} labels from {string.Join(", ", set.Raters.Select(r => $"{r.Rater} ({r.Kind})"))}; {set.Adjudicate().Unresolved.Count} unresolved by {set.Manifest.Adjudication}");
        }

        return ExitCodes.Success;
    }
}
