using System.Globalization;

namespace AvEval.Cli;

/// <summary>
/// Reports an exception that is not an AvEval error (a bug): one line on standard error naming its type and message and
/// where its details are, the details (command line, exception with stack trace and inner exceptions) in a log file, and
/// with <c>--verbose</c> the details on standard error too. Exit code <see cref="ExitCodes.InternalError"/>.
/// </summary>
internal static class InternalErrorReport
{
    /// <summary>Writes the report and returns <see cref="ExitCodes.InternalError"/>.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="args">The command line.</param>
    /// <param name="verbose">Whether to print the details on standard error.</param>
    /// <param name="environment">Where to write.</param>
    /// <param name="program">The executable's name, as the message, the details and the log file show it.</param>
    public static int Write(Exception exception, IReadOnlyList<string> args, bool verbose, CliEnvironment environment, string program = "aveval")
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        string details = Details(exception, args, program);
        string? log = null;
        string? logProblem = null;
        try
        {
            string folder = environment.LogFolder ?? CliEnvironment.DefaultLogFolder;
            Directory.CreateDirectory(folder);
            log = Path.Combine(folder, $"{program}-internal-error-{DateTime.UtcNow.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}.log");
            File.WriteAllText(log, details);
        }
#pragma warning disable CA1031 // A log that cannot be written must not hide the error it reports.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logProblem = OneLine(e.Message);
            log = null;
        }

        string where = log is not null
            ? $"details in '{log}', or rerun with --verbose"
            : $"the details could not be written to a log ({logProblem}), so rerun with --verbose to see them";
        environment.Error.WriteLine($"internal error: {exception.GetType().FullName}: {OneLine(exception.Message)}; this is a bug in {program}, please report it with the command line: {where}.");
        if (verbose)
        {
            environment.Error.WriteLine(details);
        }

        return ExitCodes.InternalError;
    }

    private static string Details(Exception exception, IReadOnlyList<string> args, string program) =>
        $"{program} {typeof(InternalErrorReport).Assembly.GetName().Version} internal error at {DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)}{Environment.NewLine}" +
        $"command line: {program} {string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}{Environment.NewLine}" +
        $"working folder: {Directory.GetCurrentDirectory()}{Environment.NewLine}" +
        $"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}{Environment.NewLine}" +
        exception;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
