using System.CommandLine;
using System.CommandLine.Invocation;
using AvEval.Cli.Commands;
using AvEval.Errors;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> command tree: one verb per command, flat.</summary>
internal static class AvEvalCommandLine
{
    /// <summary>The global option that prints an internal error's details on standard error.</summary>
    public const string VerboseOption = "--verbose";

    /// <summary>
    /// Parses and runs a command line under the exit-code contract of <see cref="ExitCodes"/>: a command line that does not
    /// parse, an <see cref="AvEvalException"/>, or a path that cannot be read or written becomes exit code 2 with a
    /// one-sentence message on standard error; any other exception becomes exit code 3 (<see cref="InternalErrorReport"/>).
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
    };

    /// <summary>Runs a command line against a command tree (the real one, or in tests one with a fault injected).</summary>
    public static int Run(RootCommand root, string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var verbose = root.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == VerboseOption);
        if (verbose is null)
        {
            verbose = new Option<bool>(VerboseOption) { Description = "On an internal error, print its details (the stack trace) on standard error.", Recursive = true };
            root.Options.Add(verbose);
        }

        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is null or ParseErrorAction)
            {
                return UsageError(parse, environment);
            }

            var configuration = new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            };
            return parse.Invoke(configuration);
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
#pragma warning disable CA1031 // The contract: every exception that is not bad input is reported as an internal error, never an abort.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            bool wantsDetails = parse is { Errors.Count: 0 } ? SafeVerbose(parse, verbose, args) : args.Contains(VerboseOption, StringComparer.Ordinal);
            return InternalErrorReport.Write(ex, args, wantsDetails, environment);
        }
    }

    private static bool SafeVerbose(ParseResult parse, Option<bool> verbose, string[] args)
    {
        try
        {
            return parse.GetValue(verbose);
        }
#pragma warning disable CA1031 // Deciding how much to print must not itself fail.
        catch (Exception)
#pragma warning restore CA1031
        {
            return args.Contains(VerboseOption, StringComparer.Ordinal);
        }
    }

    private static int UsageError(ParseResult parse, CliEnvironment environment)
    {
        foreach (var error in parse.Errors)
        {
            environment.Error.WriteLine($"error: {error.Message}");
        }

        string command = string.Join(' ', EnumerateCommandPath(parse.CommandResult.Command));
        environment.Error.WriteLine($"error: the command line is not valid; see '{command} --help' for the arguments and options.");
        return ExitCodes.BadInput;
    }

    private static List<string> EnumerateCommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? "aveval" : c.Name);
        }

        names.Reverse();
        return names;
    }
}
