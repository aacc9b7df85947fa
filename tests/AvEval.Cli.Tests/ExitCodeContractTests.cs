using System.CommandLine;
using AvEval.Analysis;
using AvEval.Import;
using AvEval.Scenes;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary>
/// The exit-code contract of <see cref="ExitCodes"/>: 0 success, 1 failing verdicts (reserved), 2 bad input including
/// command-line usage errors, 3 internal error with a one-line message, a log file and <c>--verbose</c>.
/// </summary>
public sealed class ExitCodeContractTests
{
    private static readonly string UsLog = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_US101-3_3_T-1.scene.parquet");

    [Fact]
    public void ExitCodes_Values_AreTheDocumentedContract()
    {
        (ExitCodes.Success, ExitCodes.FailingVerdicts, ExitCodes.BadInput, ExitCodes.InternalError).ShouldBe((0, 1, 2, 3));
    }

    [Fact]
    public void Run_UnknownOption_IsBadInputWithTheParserMessagePrefixed()
    {
        var run = CliRun.Of("analyze", UsLog, "--nope");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldStartWith("error: Unrecognized command or argument '--nope'.");
        run.Error.ShouldContain("error: the command line is not valid; see 'aveval analyze --help' for the arguments and options.");
    }

    [Fact]
    public void Run_MissingArgument_IsBadInput()
    {
        var run = CliRun.Of("golden", "agreement");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: Required argument 'labels' missing for command: 'agreement'.");
        run.Error.ShouldContain("see 'aveval golden agreement --help'");
    }

    [Fact]
    public void Run_BadOptionValue_IsBadInput()
    {
        var run = CliRun.Of("analyze", UsLog, "--format", "xml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain("'xml'");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Run_UnknownCommand_IsBadInput()
    {
        var run = CliRun.Of("evaluate", UsLog);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain("'evaluate'");
        run.Error.ShouldContain("see 'aveval --help'");
    }

    [Fact]
    public void Agreement_ZeroResamples_IsBadInputNamingTheOptionAndValue()
    {
        using var temp = new TempFolder();
        var path = temp.Write("labels.csv", "item,rater,label\nu1,A,1\nu1,B,1\n");

        var run = CliRun.Of("golden", "agreement", path, "--resamples", "0");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: option --resamples is '0'; pass a number of bootstrap resamples of at least 1 (default 2000).{Environment.NewLine}");
    }

    [Fact]
    public void Run_Help_IsSuccessAndListsTheVerboseOption()
    {
        var run = CliRun.Of("analyze", "--help");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("--verbose");
    }

    [Fact]
    public void Analyze_ImporterThrowsABug_ExitCode3OneLineAndALogWithTheStackTrace()
    {
        using var logs = new TempFolder();

        var run = RunWithFaultyImporter(logs.Path, "analyze", UsLog);

        run.ExitCode.ShouldBe(3);
        run.Output.ShouldBeEmpty();
        var line = run.Error.TrimEnd('\r', '\n');
        line.ShouldNotContain('\n');
        line.ShouldStartWith("internal error: System.InvalidOperationException: the test double fails on purpose; this is a bug in aveval, please report it with the command line: details in '");
        line.ShouldEndWith("', or rerun with --verbose.");
        var log = Directory.GetFiles(logs.Path).ShouldHaveSingleItem();
        line.ShouldContain(log);
        var details = File.ReadAllText(log);
        details.ShouldContain($"command line: aveval analyze {UsLog}");
        details.ShouldContain("System.InvalidOperationException: the test double fails on purpose");
        details.ShouldContain("at AvEval.Cli.Tests.ExitCodeContractTests.ThrowingImporter.Import(String path)");
    }

    [Fact]
    public void Analyze_ImporterThrowsABugWithVerbose_PrintsTheStackTraceOnStandardError()
    {
        using var logs = new TempFolder();

        var run = RunWithFaultyImporter(logs.Path, "analyze", UsLog, "--verbose");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldStartWith("internal error: System.InvalidOperationException: the test double fails on purpose;");
        run.Error.ShouldContain("at AvEval.Cli.Tests.ExitCodeContractTests.ThrowingImporter.Import(String path)");
        Directory.GetFiles(logs.Path).ShouldHaveSingleItem();
    }

    [Fact]
    public void Run_LogFolderUnwritable_StillOneLineAndExitCode3()
    {
        using var temp = new TempFolder();
        var file = temp.Write("not-a-folder", "");

        var run = RunWithFaultyImporter(Path.Combine(file, "logs"), "analyze", UsLog);

        run.ExitCode.ShouldBe(3);
        run.Error.TrimEnd('\r', '\n').ShouldNotContain('\n');
        run.Error.ShouldContain("the details could not be written to a log (");
        run.Error.ShouldContain("rerun with --verbose to see them.");
    }

    [Fact]
    public void Run_AsyncActionThrows_ExitCode3()
    {
        using var logs = new TempFolder();
        var root = new RootCommand("test tree");
        var command = new Command("boom");
        // A fault injected as an asynchronous action (a test double: no aveval verb is asynchronous yet).
        command.SetAction(async (_, cancel) =>
        {
            await Task.Yield();
            throw new NotSupportedException("async fault");
        });
        root.Subcommands.Add(command);

        var run = RunTree(root, logs.Path, "boom");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldStartWith("internal error: System.NotSupportedException: async fault;");
        Directory.GetFiles(logs.Path).ShouldHaveSingleItem();
    }

    [Fact]
    public void Run_ParserThrows_ExitCode3()
    {
        using var logs = new TempFolder();
        var root = new RootCommand("test tree");
        // A fault injected into parsing and binding: a custom parser that throws (a test double).
        var option = new Option<int>("--value") { CustomParser = _ => throw new InvalidOperationException("parser fault") };
        var command = new Command("bind") { option };
        command.SetAction(parse => parse.GetValue(option));
        root.Subcommands.Add(command);

        var run = RunTree(root, logs.Path, "bind", "--value", "1");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldStartWith("internal error: System.InvalidOperationException: parser fault;");
    }

    [Fact]
    public void Run_MultiLineExceptionMessage_IsPrintedOnOneLine()
    {
        using var logs = new TempFolder();
        var root = new RootCommand("test tree");
        var command = new Command("boom");
        command.SetAction(int (_) => throw new InvalidOperationException("first\nsecond\r\nthird"));
        root.Subcommands.Add(command);

        var run = RunTree(root, logs.Path, "boom");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldStartWith("internal error: System.InvalidOperationException: first second third;");
        run.Error.TrimEnd('\r', '\n').ShouldNotContain('\n');
    }

    private static CliRun RunWithFaultyImporter(string logFolder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new SceneImporters([new ThrowingImporter()]), RuleAnalysis.CreateDefault(), logFolder);

        int code = AvEvalCommandLine.Run(args, environment);

        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static CliRun RunTree(RootCommand root, string logFolder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), logFolder);

        int code = AvEvalCommandLine.Run(root, args, environment);

        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A test double standing for a bug in an importer: it claims every path and throws a .NET exception.</summary>
    private sealed class ThrowingImporter : ISceneImporter
    {
        public string FormatName => "faulty test double";

        public bool CanImport(string path) => true;

        public Scene Import(string path) => throw new InvalidOperationException("the test double fails on purpose");
    }
}
