using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AvEval.Runs;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval runs list [--store &lt;file&gt;] [--format table|json]</c>: every run with its candidates, status, start, end, cases and failures.</summary>
internal static class RunsListCommand
{
    /// <summary>The format of the JSON document.</summary>
    public const string Format = "aveval.runs/1";

    /// <summary>Builds the <c>list</c> subcommand of <c>runs</c>.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var store = RunsCommand.StoreOption();
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var list = new Command("list", "List the runs of the results store, oldest first; a run that is not complete says so.") { store, format };
        list.SetAction(parse => Execute(ResultStorePath.Resolve(parse.GetValue(store)), parse.GetValue(format), environment));
        return list;
    }

    /// <summary>Lists the runs; a missing or unreadable store is a <see cref="Errors.ResultStoreException"/> (exit code 2).</summary>
    public static int Execute(string storePath, OutputFormat format, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var runs = DuckDbResultStore.OpenExisting(storePath).ListRuns();
        if (format == OutputFormat.Json)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteString("store", storePath);
                writer.WritePropertyName("runs");
                writer.WriteRawValue(RunJson.Serialize(runs));
                writer.WriteEndObject();
            }

            environment.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Success;
        }

        var rows = runs.Select(r => new[]
        {
            r.Id.Value,
            string.Join(',', r.Candidates),
            RunsCommand.Describe(r.Status),
            RunsCommand.Time(r.StartedAt),
            RunsCommand.Time(r.EndedAt),
            r.Cases.ToString(CultureInfo.InvariantCulture),
            r.Failures.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["run", "candidates", "status", "start", "end", "cases", "failures"];
        int[] widths = [.. header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())];
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i >= 5 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        environment.Output.WriteLine(Line(header));
        foreach (var row in rows)
        {
            environment.Output.WriteLine(Line(row));
        }

        int incomplete = runs.Count(r => r.Status != RunStatus.Complete);
        environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs.Count} run(s) in '{storePath}', {incomplete} incomplete."));
        return ExitCodes.Success;
    }
}
