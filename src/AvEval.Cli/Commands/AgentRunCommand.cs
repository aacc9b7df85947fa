using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Golden;
using AvEval.Judges.Narration;
using AvEval.Judges.Retrieval;
using AvEval.Judges.Vision;
using AvEval.Judges.Workflows;
using AvEval.Learned.Certification;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval agent run &lt;workflow&gt; --scenario &lt;id&gt; --candidate &lt;id&gt; [--golden set] [--suite folder] [--cache file]
/// [--replay] [--format table|json]</c>: runs a workflow (a file, or an id under <c>scenarios/workflows/</c>) on the
/// candidate's drive of the scenario and prints the verdict, its rationale and every step's trace. <c>retrieve</c> steps
/// search the drive windows of <c>--golden</c> (narrated as certification narrates them, labelled with the adjudicated
/// label); without it a retrieve step fails and the verdict fails closed. Exit 0 when the verdict is pass, 1 when it is
/// fail or inconclusive (a verdict not reached is not a pass, as for a blocking scenario), 2 on bad input.
/// </summary>
internal static class AgentRunCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var workflow = new Argument<string>("workflow") { Description = "The workflow: its id under scenarios/workflows/ (e.g. cut_in_review) or a YAML file." };
        var scenario = new Option<string>("--scenario") { Description = "The scenario: its id, behaviour/id, or its file under the suite.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The candidate id (candidates.yaml).", Required = true };
        var golden = new Option<string?>("--golden") { Description = "The golden set whose drive windows retrieve steps search (a name under scenarios/golden/ or a folder)." };
        var suite = new Option<string?>("--suite") { Description = "The scenarios folder; default: AVEVAL_SCENARIOS, else the scenarios/ folder above the working folder." };
        var cache = new Option<string?>("--cache") { Description = "The judges' response cache (JSON lines)." };
        var replay = new Option<bool>("--replay") { Description = "Offline: judges answer from --cache only." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one aveval.workflow-verdict/1 document).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("run", "Run an agentic evaluation workflow on one scenario driven by one candidate; print the verdict and the trace.") { workflow, scenario, candidate, golden, suite, cache, replay, format };
        command.SetAction(parse => Execute(parse.GetValue(workflow)!, parse.GetValue(scenario)!, parse.GetValue(candidate)!, parse.GetValue(golden), parse.GetValue(suite), parse.GetValue(cache), parse.GetValue(replay), parse.GetValue(format), environment));
        return command;
    }

    /// <summary>Runs the subcommand.</summary>
    public static int Execute(string workflow, string scenario, string candidate, string? golden, string? suite, string? cache, bool replay, OutputFormat format, CliEnvironment environment)
    {
        using var drive = JudgedDrive.Open(suite, scenario, candidate, cache, replay, environment.Error);
        string file = File.Exists(workflow) ? workflow : Path.Combine(drive.Suite.Folder, "workflows", workflow + ".yaml");
        var spec = WorkflowLoader.Load(file);
        using var embedder = golden is null ? null : new SentenceEmbedder();
        var index = embedder is null ? null : Index(embedder, Path.GetDirectoryName(drive.Suite.Folder)!, golden!);
        var tools = WorkflowTools.ForDrive(drive.Result.Drive, drive.Rules, drive.Catalog);
        // The bird's-eye view a vision-language judge step sees (a text judge ignores it).
        var image = BirdsEyeViewRenderer.Render(drive.Result.Drive, BirdsEyeViewRenderer.MomentOf(drive.Result.Drive, drive.Rules));
        var context = new WorkflowContext(drive.Narration, index, tools, key =>
        {
            var (id, pin) = GoldenSetCertification.ParseTarget(key);
            return drive.Catalog.JudgeOf(id, pin);
        }, image);
        // On the thread pool: blocking on the async call under the caller's synchronization context (a test
        // runner's, with as many threads as cores) deadlocks once all of its threads are blocked.
        var verdict = Task.Run(() => WorkflowRunner.RunAsync(spec, context)).GetAwaiter().GetResult();
        if (format == OutputFormat.Json)
        {
            WriteJson(environment.Output, verdict, drive);
        }
        else
        {
            var o = environment.Output;
            o.WriteLine($"workflow   {verdict.Workflow} ({Path.GetFullPath(spec.File)})");
            o.WriteLine($"drive      {drive.Result.Spec.DisplayName} @ {drive.Result.Candidate.Id}, narration {drive.Narration.Version} sha256 {drive.Narration.Sha256}");
            o.WriteLine(verdict.Probability is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"verdict    {verdict.Outcome} (probability {p:0.###})")
                : $"verdict    {verdict.Outcome}");
            o.WriteLine($"rationale  {verdict.Rationale}");
            o.WriteLine("trace:");
            foreach (var t in verdict.Trace)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{t.Step}] {t.Kind}: {t.Input} -> {t.Output ?? $"FAILED: {t.Problem}"} ({t.LatencyMilliseconds:0} ms, {t.Tokens} tokens{(t.Model is null ? "" : $", {t.Model}")})"));
            }
        }

        return verdict.Outcome == "pass" ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    private static NarrationIndex Index(SentenceEmbedder embedder, string root, string golden)
    {
        string folder = GoldenSetCertification.FindGoldenSet(root, golden);
        var set = GoldenSetStore.Load(folder);
        var narrations = GoldenWindowNarrator.NarrateAll(root, folder, set, "retrieval");
        var labels = set.Adjudicate().Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal);
        return new NarrationIndex(embedder, [.. set.Items.Select((item, i) => (item.Id, narrations[i].Text, labels.GetValueOrDefault(item.Id)))]);
    }

    private static void WriteJson(TextWriter o, WorkflowVerdict verdict, JudgedDrive drive)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", "aveval.workflow-verdict/1");
            w.WriteString("workflow", verdict.Workflow);
            w.WriteString("scenario", drive.Result.Spec.DisplayName);
            w.WriteString("candidate", drive.Result.Candidate.Id.Value);
            w.WriteString("narration_sha256", drive.Narration.Sha256);
            w.WriteString("outcome", verdict.Outcome);
            if (verdict.Probability is { } p)
            {
                w.WriteNumber("probability", p);
            }
            else
            {
                w.WriteNull("probability");
            }

            w.WriteString("rationale", verdict.Rationale);
            w.WriteStartArray("trace");
            foreach (var t in verdict.Trace)
            {
                w.WriteStartObject();
                w.WriteString("step", t.Step);
                w.WriteString("kind", t.Kind);
                w.WriteString("input", t.Input);
                w.WriteString("output", t.Output);
                if (t.Value is { } v)
                {
                    w.WriteNumber("value", v);
                }
                else
                {
                    w.WriteNull("value");
                }

                w.WriteString("model", t.Model);
                w.WriteNumber("latency_ms", t.LatencyMilliseconds);
                w.WriteNumber("tokens", t.Tokens);
                w.WriteString("problem", t.Problem);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
