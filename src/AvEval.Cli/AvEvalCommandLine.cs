using System.CommandLine;
using AvEval.Cli.Commands;
using AvEval.Errors;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> command tree: one verb per command, flat.</summary>
internal static class AvEvalCommandLine
{
    /// <summary>Parses and runs a command line; bad input becomes exit code 2 with a one-sentence message on standard error.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("AvEval: evaluation tests for autonomous-vehicle releases.")
        {
            AnalyzeCommand.Create(environment),
            ImportCommand.Create(environment),
            GoldenCommand.Create(environment),
            TrainCommand.Create(environment),
            CalibrateCommand.Create(environment),
        };

        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (AvEvalException ex)
        {
            environment.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
