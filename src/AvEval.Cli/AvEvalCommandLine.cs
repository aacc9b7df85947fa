using System.CommandLine;
using AvEval.Cli.Commands;
using AvEval.Errors;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> command tree: one verb per command, flat.</summary>
internal static class AvEvalCommandLine
{
    /// <summary>
    /// Parses and runs a command line; bad input (an <see cref="AvEvalException"/>, or a path that cannot be read or
    /// written) becomes exit code 2 with a one-sentence message on standard error.
    /// </summary>
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that does not exist, a file where a folder is wanted, no permission: the user's paths, not a crash.
            environment.Error.WriteLine($"error: {ex.Message} Check the path and its permissions.");
            return ExitCodes.BadInput;
        }
    }
}
