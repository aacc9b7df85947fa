using System.CommandLine;
using AvEval.Cli.Commands;
using AvEval.Errors;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> command tree: one verb per command, flat.</summary>
internal static class AvEvalCommandLine
{
    /// <summary>The global option that prints an internal error's details on standard error.</summary>
    public const string VerboseOption = CommandLineContract.VerboseOption;

    /// <summary>
    /// Parses and runs a command line under the exit-code contract of <see cref="ExitCodes"/> (<see cref="CommandLineContract"/>):
    /// a command line that does not parse, an <see cref="AvEvalException"/>, or a path that cannot be read or written becomes
    /// exit code 2 with a one-sentence message on standard error; any other exception becomes exit code 3
    /// (<see cref="InternalErrorReport"/>).
    /// </summary>
    public static int Run(string[] args, CliEnvironment environment) => Run(CreateRoot(environment), args, environment);

    /// <summary>Every verb of <c>aveval</c>.</summary>
    public static RootCommand CreateRoot(CliEnvironment environment) => new("AvEval: evaluation tests for autonomous-vehicle releases.")
    {
        AnalyzeCommand.Create(environment),
        ImportCommand.Create(environment),
        GoldenCommand.Create(environment),
        TrainCommand.Create(environment),
        CalibrateCommand.Create(environment),
        RunCommand.Create(environment),
        RunsCommand.Create(environment),
        MergeCommand.Create(environment),
        SiloCommand.Create(environment),
        ExportCommand.Create(environment),
        CheckCommand.Create(environment),
        CompareCommand.Create(environment),
        GateCommand.Create(environment),
        ReportCommand.Create(environment),
        MineCommand.Create(environment),
        JudgeCommand.Create(environment),
        AgentCommand.Create(environment),
        CotCommand.Create(environment),
    };

    /// <summary>Runs a command line against a command tree (the real one, or in tests one with a fault injected).</summary>
    public static int Run(RootCommand root, string[] args, CliEnvironment environment) => CommandLineContract.Run(root, "aveval", args, environment);
}
