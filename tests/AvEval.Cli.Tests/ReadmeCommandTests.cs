using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Analysis;
using AvEval.Import;
using AvEval.Runs;
using AvEval.Tests;
using AvEval.Tests.Readme;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary>
/// Every <c>dotnet run --project src/AvEval.Cli -- ...</c> line of the README's <c>bash</c>/<c>sh</c> blocks, one case per
/// line (data-driven, so that the cases follow whatever the README says). A line with concrete arguments runs in-process
/// against a temporary copy of <c>scenarios/</c> (<c>--root</c> and <c>--out</c> pointed there) and must exit with 0; a
/// syntax summary (a line with <c>&lt;...&gt;</c> or <c>[...]</c>) must name a real command and only its real options.
/// Training is not an <c>aveval</c> verb any more: a line with <c>aveval train</c> fails here, and the
/// <c>dotnet run --project src/AvEval.Training.Cli -- ...</c> lines are checked against <c>aveval-train</c>'s own command
/// tree by tests/AvEval.Training.Tests/ReadmeTrainCommandTests.cs (this project does not load libtorch).
/// </summary>
public sealed partial class ReadmeCommandTests
{
    /// <summary>The projects a README command line may run: aveval here, aveval-train in AvEval.Training.Tests.</summary>
    private static readonly string[] RunnableProjects = ["src/AvEval.Cli", "src/AvEval.Training.Cli"];

    public static IEnumerable<TheoryDataRow<string>> Lines => ReadLines().Select(l => new TheoryDataRow<string>(l) { TestDisplayName = l });

    [Fact]
    public void Readme_HasCommandLines()
    {
        ReadLines().Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Readme_EveryDotnetRunLine_NamesACheckedProject()
    {
        var projects = ReadmeShellLines.Read().Select(l => ProjectPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups["project"].Value).Distinct().ToList();

        projects.ShouldNotBeEmpty();
        projects.ShouldBeSubsetOf(RunnableProjects, "a README 'dotnet run --project' line names a project whose command lines no test checks");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ReadmeLine_CommandAndOptions_ExistAndConcreteOnesSucceed(string line)
    {
        var tokens = Tokens(line);
        var root = AvEvalCommandLine.CreateRoot(Environment(TextWriter.Null, TextWriter.Null));
        var (command, path) = Walk(root, tokens);
        command.ShouldNotBeSameAs(root, $"'{line}' names no aveval command");
        command.Name.ShouldNotBe("train", $"'{line}': training moved out of aveval; write '{Commands.TrainCommand.Replacement}'");

        var known = Options(command);
        foreach (Match option in OptionPattern().Matches(string.Join(' ', tokens.Skip(path))))
        {
            known.ShouldContain(option.Value, $"'{line}': '{option.Value}' is not an option of '{command.Name}' (it has {string.Join(", ", known)})");
        }

        if (IsSyntaxSummary(line))
        {
            return;
        }

        root.Parse(tokens).Errors.Select(e => e.Message).ShouldBeEmpty();
        using var repo = new RepositoryCopy();
        var args = Concrete(tokens, repo, known);
        if (command.Name is "compare" or "gate" or "report")
        {
            // compare, gate and report read two recorded runs: the reference and the deliberately worse candidate on the whole
            // shipped suite, recorded once per test process as the documentation's preceding 'aveval run' lines do.
            Directory.CreateDirectory(Path.GetDirectoryName(StoreIn(repo))!);
            File.Copy(ComparisonStore.Value, StoreIn(repo));
        }
        else if (known.Contains("--store") && command.Name is not "run")
        {
            // runs and export read a store: give them one with a real (small) run in it, as a user would have.
            CliRun.With(OpenStore, "run", "--suite", Path.Combine(repo.Root, "scenarios"), "--filter", "behaviors/comfort/*.yaml", "--store", StoreIn(repo)).ExitCode.ShouldBe(0);
        }

        var run = CliRun.With(OpenStore, [.. args]);

        run.ExitCode.ShouldBe(ExpectedExitCode(line), $"{string.Join(' ', args)}{System.Environment.NewLine}{run.Error}");
    }

    /// <summary>A store holding a whole-suite run of rc-2026.12.1 and one of rc-2026.12.2-short-gap, recorded by the real CLI once.</summary>
    private static readonly Lazy<string> ComparisonStore = new(RecordComparisonStore, LazyThreadSafetyMode.ExecutionAndPublication);

    private static IRunRecorder OpenStore(string path) => DuckDbResultStore.Open(path);

    private static string RecordComparisonStore()
    {
        var repo = new RepositoryCopy(); // kept for the test process: the lines copy its store
        string suite = Path.Combine(repo.Root, "scenarios");
        CliRun.With(OpenStore, "run", "--suite", suite, "--candidate", "rc-2026.12.1", "--store", StoreIn(repo)).ExitCode.ShouldBe(0);
        CliRun.With(OpenStore, "run", "--suite", suite, "--candidate", "rc-2026.12.2-short-gap", "--store", StoreIn(repo)).ExitCode.ShouldBe(1);
        return StoreIn(repo);
    }

    private static string StoreIn(RepositoryCopy repo) => Path.Combine(repo.Root, "reports", "aveval.duckdb");

    /// <summary>The exit code a README line states in a trailing comment (<c># exit 1: ...</c>), else 0.</summary>
    private static int ExpectedExitCode(string line) =>
        ExitComment().Match(line) is { Success: true } m ? int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture) : 0;

    private static List<string> ReadLines() => [.. ReadmeShellLines.Read().Where(l => CommandPattern().IsMatch(l))];

    private static bool IsSyntaxSummary(string line) => line.Contains('<', StringComparison.Ordinal) || line.Contains('[', StringComparison.Ordinal);

    /// <summary>The line's arguments: a trailing <c># comment</c> dropped, shell quotes removed.</summary>
    private static List<string> Tokens(string line)
    {
        string args = CommandPattern().Match(line).Groups["args"].Value;
        int comment = args.IndexOf(" #", StringComparison.Ordinal);
        return [.. (comment < 0 ? args : args[..comment]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('\'', '"'))];
    }

    /// <summary>The deepest command the leading tokens name, and how many tokens that took.</summary>
    private static (Command Command, int Path) Walk(RootCommand root, List<string> tokens)
    {
        Command current = root;
        int used = 0;
        while (used < tokens.Count && current.Subcommands.FirstOrDefault(c => c.Name == tokens[used]) is { } next)
        {
            current = next;
            used++;
        }

        return (current, used);
    }

    private static HashSet<string> Options(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "--help", "-h", "-?" };
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => c == command || o.Recursive))
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
        }

        names.Add(AvEvalCommandLine.VerboseOption);
        return names;
    }

    /// <summary>The line's arguments with repository paths made absolute in the copy, and --root / --out pointed into it.</summary>
    private static List<string> Concrete(List<string> tokens, RepositoryCopy repo, HashSet<string> options)
    {
        var args = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (token is "--out" or "--root" && i + 1 < tokens.Count)
            {
                args.Add(token);
                args.Add(token == "--out" ? Path.Combine(repo.Root, "out") : repo.Root);
                i++;
                continue;
            }

            string inCopy = Path.Combine(repo.Root, token);
            args.Add(!token.StartsWith('-') && (File.Exists(inCopy) || Directory.Exists(inCopy)) ? inCopy : token);
        }

        if (options.Contains("--root") && !args.Contains("--root"))
        {
            args.AddRange(["--root", repo.Root]);
        }

        // The suite and the store are the copy's, so that a README line never writes into the repository.
        if (options.Contains("--suite") && !args.Contains("--suite"))
        {
            args.AddRange(["--suite", Path.Combine(repo.Root, "scenarios")]);
        }

        if (options.Contains("--store") && !args.Contains("--store"))
        {
            args.AddRange(["--store", StoreIn(repo)]);
        }

        return args;
    }

    private static CliEnvironment Environment(TextWriter output, TextWriter error) =>
        new(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault());

    [GeneratedRegex(@"# exit (?<code>[0-9]+)\b")]
    private static partial Regex ExitComment();

    [GeneratedRegex(@"^dotnet run --project src/AvEval\.Cli(?: -c \w+)? -- (?<args>.+)$")]
    private static partial Regex CommandPattern();

    [GeneratedRegex(@"^dotnet run (?:-c \w+ )?--project (?<project>src/[^\s/]+)")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"(?<![\w-])--?[a-zA-Z?][\w-]*")]
    private static partial Regex OptionPattern();
}
