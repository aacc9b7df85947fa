using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AvEval.Runs;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval runs show &lt;run-id&gt; [--store &lt;file&gt;] [--format table|json]</c>: a run's manifest and every case's outcome.</summary>
internal static class RunsShowCommand
{
    /// <summary>Builds the <c>show</c> subcommand of <c>runs</c>.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var run = new Argument<string>("run-id") { Description = "The run, as 'aveval runs list' shows it." };
        var store = RunsCommand.StoreOption();
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one aveval.run/1 document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var show = new Command("show", "Show a run: its manifest (suite, candidates, code, evaluators, settings, machine) and each case's outcome.") { run, store, format };
        show.SetAction(parse => Execute(ResultStorePath.Resolve(parse.GetValue(store)), new RunId(parse.GetValue(run)!), parse.GetValue(format), environment));
        return show;
    }

    /// <summary>Shows the run; a missing store or an unknown run is a <see cref="Errors.ResultStoreException"/> (exit code 2).</summary>
    public static int Execute(string storePath, RunId run, OutputFormat format, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var store = DuckDbResultStore.OpenExisting(storePath);
        var summary = store.GetRun(run);
        var manifest = store.GetManifest(run);
        var cases = store.GetCases(run);
        if (format == OutputFormat.Json)
        {
            WriteJson(environment.Output, summary, manifest, cases);
        }
        else
        {
            WriteTable(environment.Output, storePath, summary, manifest, cases);
        }

        return ExitCodes.Success;
    }

    private static void WriteJson(TextWriter output, RunSummary summary, RunManifest manifest, IReadOnlyList<CaseRecord> cases)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", RunJson.RunFormat);
            writer.WriteString("run_id", summary.Id.Value);
            writer.WriteString("status", summary.Status.ToString().ToLowerInvariant());
            writer.WriteBoolean("complete", summary.Status == RunStatus.Complete);
            writer.WriteString("started_at", summary.StartedAt);
            if (summary.EndedAt is { } ended)
            {
                writer.WriteString("ended_at", ended);
            }
            else
            {
                writer.WriteNull("ended_at");
            }

            writer.WriteNumber("cases_recorded", summary.Cases);
            writer.WriteNumber("failures", summary.Failures);
            writer.WritePropertyName("manifest");
            writer.WriteRawValue(RunJson.Serialize(manifest));
            writer.WritePropertyName("cases");
            writer.WriteRawValue(RunJson.Serialize(cases));
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTable(TextWriter output, string storePath, RunSummary summary, RunManifest manifest, IReadOnlyList<CaseRecord> cases)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"run        {summary.Id.Value}");
        output.WriteLine($"status     {RunsCommand.Describe(summary.Status)}");
        output.WriteLine($"start      {RunsCommand.Time(summary.StartedAt)}");
        output.WriteLine($"end        {RunsCommand.Time(summary.EndedAt)}");
        output.WriteLine(string.Create(c, $"cases      {summary.Cases} recorded, {summary.Failures} blocking the release"));
        output.WriteLine($"suite      {manifest.SuiteRoot} (sha256 {manifest.SuiteSha256}, {manifest.Contents.Count.ToString(c)} files)");
        output.WriteLine($"code       {manifest.Code.Commit ?? "not a git checkout"}{(manifest.Code.Dirty ? " (dirty: tracked files differ from the commit)" : string.Empty)}");
        output.WriteLine($"seed       {manifest.Seed.ToString(c)}");
        output.WriteLine($"machine    {manifest.Machine.Os}, {manifest.Machine.Cores.ToString(c)} cores, CPU {(manifest.Machine.Cpu.Length > 0 ? manifest.Machine.Cpu : "unknown")}, GPU {manifest.Machine.Gpu}, .NET {manifest.Machine.DotNet}, ONNX Runtime {(manifest.Machine.OnnxRuntime.Length > 0 ? manifest.Machine.OnnxRuntime : "not used")}");
        foreach (var candidate in manifest.Candidates)
        {
            output.WriteLine($"candidate  {candidate.Id}  fingerprint {candidate.Fingerprint}  {candidate.Description}");
        }

        foreach (var evaluator in manifest.Evaluators)
        {
            output.WriteLine($"evaluator  {evaluator.Id} {evaluator.Version} on {evaluator.Device}  sha256 {evaluator.Sha256}");
        }

        foreach (var (name, value) in manifest.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"setting    {name}={value}");
        }

        output.WriteLine();
        int keyWidth = cases.Select(k => k.Key.Length).Append("case".Length).Max();
        output.WriteLine($"{"outcome",-12}  {"blocks",-6}  {"case".PadRight(keyWidth)}  message");
        foreach (var k in cases)
        {
            string outcome = k.Outcome?.ToString().ToLowerInvariant() ?? "not run";
            string message = k.Message is null ? string.Empty : k.Message.ReplaceLineEndings(" ");
            output.WriteLine($"{outcome,-12}  {(k.BlocksRelease ? "yes" : "no"),-6}  {k.Key.PadRight(keyWidth)}  {message}".TrimEnd());
            foreach (var e in k.Expectations.Where(e => e.Outcome != AvEval.Scenarios.Outcome.Pass))
            {
                output.WriteLine($"{string.Empty,-22}{e.Outcome.ToString().ToLowerInvariant()}: '{e.Text}' ({e.Location?.ToString() ?? "location not recorded"}): {e.Message}".ReplaceLineEndings(" "));
            }
        }

        output.WriteLine($"stored in '{storePath}'; --format json prints every expectation, metric, event and learned output.");
    }
}
