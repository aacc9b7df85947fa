using System.CommandLine;
using System.Text.RegularExpressions;
using AvEval.Analysis;
using AvEval.Cli;
using AvEval.Import;
using AvEval.Tests.Readme;
using AvEval.Training.Cli;

namespace AvEval.Training.Tests;

/// <summary>
/// Every <c>dotnet run --project src/AvEval.Training.Cli -- ...</c> line of the README's <c>bash</c>/<c>sh</c> blocks,
/// checked against <c>aveval-train</c>'s own command tree (the <c>aveval</c> lines are checked in
/// tests/AvEval.Cli.Tests/ReadmeCommandTests.cs, which does not load libtorch): only real options, and a concrete line
/// parses and names a training spec of the repository that loads. Training itself is not rerun per line:
/// <see cref="TrainCommandLineTests.Process_ShippedSpecInACopyOfTheSuite_WritesTheCommittedModelBytes"/> and
/// <see cref="CpuReproducibilityTests"/> retrain the shipped specs.
/// </summary>
public sealed partial class ReadmeTrainCommandTests
{
    public static IEnumerable<TheoryDataRow<string>> Lines => ReadLines().Select(l => new TheoryDataRow<string>(l) { TestDisplayName = l });

    [Fact]
    public void Readme_HasTrainToolLines()
    {
        ReadLines().Count.ShouldBeGreaterThanOrEqualTo(1, "the README should show how to train with aveval-train (dotnet run --project src/AvEval.Training.Cli -- <spec.yaml>)");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ReadmeLine_OptionsExistAndConcreteOnesNameALoadableSpec(string line)
    {
        var tokens = CommandPattern().Match(line).Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var root = TrainCommandLine.CreateRoot(new CliEnvironment(TextWriter.Null, TextWriter.Null, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault()));
        var known = new HashSet<string>(StringComparer.Ordinal) { "--help", "-h", "-?", "--version", CommandLineContract.VerboseOption };
        foreach (var option in root.Options)
        {
            known.Add(option.Name);
            known.UnionWith(option.Aliases);
        }

        foreach (Match option in OptionPattern().Matches(string.Join(' ', tokens)))
        {
            known.ShouldContain(option.Value, $"'{line}': '{option.Value}' is not an option of aveval-train (it has {string.Join(", ", known)})");
        }

        if (line.Contains('<', StringComparison.Ordinal) || line.Contains('[', StringComparison.Ordinal))
        {
            return;
        }

        root.Parse(tokens).Errors.Select(e => e.Message).ShouldBeEmpty();
        var spec = tokens.Single(t => !t.StartsWith('-'));
        var full = Path.Combine(RepoPaths.Root, spec);
        File.Exists(full).ShouldBeTrue($"'{line}' names '{spec}', which is not a file of the repository");
        TrainSpecLoader.Load(full).Id.ShouldNotBeNullOrEmpty();
    }

    private static List<string> ReadLines() => [.. ReadmeShellLines.Read().Where(l => CommandPattern().IsMatch(l))];

    [GeneratedRegex(@"^dotnet run --project src/AvEval\.Training\.Cli(?: -c \w+)? -- (?<args>.+)$")]
    private static partial Regex CommandPattern();

    [GeneratedRegex(@"(?<![\w-])--?[a-zA-Z?][\w-]*")]
    private static partial Regex OptionPattern();
}
