using System.CommandLine;
using System.CommandLine.Invocation;
using AvEval.Errors;

namespace AvEval.Cli;

/// <summary>
/// The exit-code contract of <see cref="ExitCodes"/> around a command tree, shared by <c>aveval</c> and <c>aveval-train</c>
/// (which compiles this file in as a link, with <see cref="ExitCodes"/>, <see cref="InternalErrorReport"/> and
/// <see cref="CliEnvironment"/>): a command line that does not parse, an <see cref="AvEvalException"/>, or a path that
/// cannot be read or written becomes exit code 2 with a one-sentence message on standard error; any other exception
/// becomes exit code 3 (<see cref="InternalErrorReport"/>).
/// </summary>
internal static class CommandLineContract
{
    /// <summary>The global option that prints an internal error's details on standard error.</summary>
    public const string VerboseOption = "--verbose";

    /// <summary>Runs a command line against a command tree under the contract.</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="program">The executable's name, as messages show it (<c>aveval</c>, <c>aveval-train</c>).</param>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Where to write.</param>
    /// <returns>The exit code.</returns>
    public static int Run(RootCommand root, string program, string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(program);
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
                return UsageError(parse, program, environment);
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
            return InternalErrorReport.Write(ex, args, wantsDetails, environment, program);
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

    private static int UsageError(ParseResult parse, string program, CliEnvironment environment)
    {
        foreach (var error in parse.Errors)
        {
            environment.Error.WriteLine($"error: {error.Message}");
        }

        string command = string.Join(' ', EnumerateCommandPath(parse.CommandResult.Command, program));
        environment.Error.WriteLine($"error: the command line is not valid; see '{command} --help' for the arguments and options.");
        return ExitCodes.BadInput;
    }

    private static List<string> EnumerateCommandPath(Command command, string program)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? program : c.Name);
        }

        names.Reverse();
        return names;
    }
}
