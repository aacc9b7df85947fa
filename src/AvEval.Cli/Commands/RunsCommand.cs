using System.CommandLine;
using System.Globalization;
using AvEval.Runs;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval runs ...</c>: the runs recorded in the results store.</summary>
internal static class RunsCommand
{
    /// <summary>Builds the verb with its subcommands <c>list</c> and <c>show</c>.</summary>
    public static Command Create(CliEnvironment environment) =>
        new("runs", "The runs recorded in the results store.")
        {
            RunsListCommand.Create(environment),
            RunsShowCommand.Create(environment),
        };

    /// <summary>The <c>--store</c> option every command on the store takes.</summary>
    public static Option<string?> StoreOption() =>
        new("--store") { Description = $"The results store (a DuckDB file). Default: ${ResultStorePath.EnvironmentVariable}, else {ResultStorePath.Default}." };

    /// <summary>How a status reads in a table: anything but complete says it is incomplete.</summary>
    public static string Describe(RunStatus status) => status switch
    {
        RunStatus.Complete => "complete",
        RunStatus.Running => "running (incomplete: not ended, or its process died)",
        _ => status.ToString().ToLowerInvariant() + " (incomplete)",
    };

    /// <summary>A time as a table shows it: UTC to the second.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
