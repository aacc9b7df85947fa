using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Judges.Reasoning;
using AvEval.Judges.Retrieval;
using AvEval.Reasoning;
using AvEval.Scenes;
using AvEval.Suites;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval cot evaluate --candidate &lt;id&gt; [--suite folder] [--traces file.jsonl] [--scenario id] [--format table|json]</c>:
/// drives the suite's scenarios with the candidate and checks the reasoning traces against the drives (maneuver
/// consistency, cited agents, hazards mentioned; <see cref="ReasoningChecks"/>). Without <c>--traces</c> the traces are the
/// candidate's own decision reasons (a planner candidate, <see cref="IReasoningCandidate"/>); with it, the file's free-text
/// lines for the candidate, mapped onto the taxonomy (<see cref="ManeuverTextMapper"/>, MiniLM), on the scenarios they name.
/// Exit 0 when no check finds a fault, 1 when one does, 2 on bad input (a bad traces line names file:line).
/// </summary>
internal static class CotEvaluateCommand
{
    /// <summary>The JSON document's format.</summary>
    public const string Format = "aveval.cot/1";

    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var candidate = new Option<string>("--candidate") { Description = "The candidate id (candidates.yaml).", Required = true };
        var suite = new Option<string?>("--suite") { Description = "The scenarios folder; default: AVEVAL_SCENARIOS, else the scenarios/ folder above the working folder." };
        var traces = new Option<string?>("--traces") { Description = "Free-text traces (JSON lines of {scenario, candidate, t, text}) instead of the candidate's own." };
        var scenario = new Option<string?>("--scenario") { Description = "Only this scenario (id, behaviour/id or file); without --traces, default all of the suite." };
        var format = new Option<OutputFormat>("--format") { Description = $"table (default) or json (one {Format} document).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("evaluate", "Check reasoning traces against the drives: maneuver consistency, cited agents, hazards mentioned.") { candidate, suite, traces, scenario, format };
        command.SetAction(parse => Execute(parse.GetValue(candidate)!, parse.GetValue(suite), parse.GetValue(traces), parse.GetValue(scenario), parse.GetValue(format), environment));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(string candidate, string? suiteOption, string? tracesFile, string? scenario, OutputFormat format, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = SuiteSettings.FromEnvironment();
        var folder = Suite.FindFolder(settings with { ScenariosFolder = suiteOption ?? settings.ScenariosFolder }, Directory.GetCurrentDirectory());
        using var catalog = Judges.SuiteEvaluators.Open(folder, settings.Device, environment.Error);
        var suite = new Suite(folder, catalog);
        var chosen = suite.SelectCandidates([candidate], "--candidate")[0];
        var work = new List<(string File, IReadOnlyList<FreeTextLine>? Lines)>();
        if (tracesFile is null)
        {
            if (chosen is not IReasoningCandidate)
            {
                throw JudgeException.NoReasoningTraces(chosen.Id.Value, "--traces");
            }

            work.AddRange(scenario is null
                ? suite.BehaviourFiles().Select(f => (f, (IReadOnlyList<FreeTextLine>?)null))
                : [(JudgedDrive.FindScenario(suite, scenario), null)]);
        }
        else
        {
            var all = FreeTextTraces.Read(tracesFile);
            var mine = all.Where(l => l.Candidate == chosen.Id.Value).ToList();
            if (mine.Count == 0)
            {
                throw JudgeException.NoTracesForCandidate(tracesFile, chosen.Id.Value, all.Select(l => l.Candidate).Distinct(StringComparer.Ordinal));
            }

            var byFile = new Dictionary<string, List<FreeTextLine>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var line in mine)
            {
                string file;
                try
                {
                    file = JudgedDrive.FindScenario(suite, line.Scenario);
                }
                catch (JudgeException e)
                {
                    throw JudgeException.BadTraceLine(tracesFile, line.Line, $"scenario '{line.Scenario}' cannot be used ({e.Message.TrimEnd('.')})");
                }

                if (!byFile.TryGetValue(file, out var list))
                {
                    byFile[file] = list = [];
                    order.Add(file);
                }

                list.Add(line);
            }

            work.AddRange(order.Where(f => scenario is null || f == JudgedDrive.FindScenario(suite, scenario)).Select(f => (f, (IReadOnlyList<FreeTextLine>?)byFile[f])));
        }

        using var embedder = tracesFile is null ? null : new SentenceEmbedder();
        var mapper = embedder is null ? null : new ManeuverTextMapper(embedder);
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var results = new List<Result>();
        var skipped = new List<(string File, string Reason)>();
        foreach (var (file, lines) in work)
        {
            Scenarios.ScenarioSpec spec;
            try
            {
                spec = suite.Load(file);
            }
            catch (AvEvalException e) when (lines is null && scenario is null)
            {
                skipped.Add((file, e.Message));
                continue;
            }

            string log = spec.LogPath(folder);
            if (!scenes.TryGetValue(log, out var scene))
            {
                scene = environment.Importers.Import(log);
                scenes[log] = scene;
            }

            Drive drive;
            IReadOnlyList<ManeuverMapping> mappings = [];
            if (lines is null)
            {
                drive = ((IReasoningCandidate)chosen).DriveWithTrace(spec, scene);
            }
            else
            {
                var (trace, maps) = FreeTextTraces.ToTrace($"free text of {chosen.Id} ({Path.GetFileName(tracesFile)})", lines, mapper!);
                drive = chosen.Drive(spec, scene) with { Trace = trace };
                mappings = maps;
            }

            results.Add(new Result(spec.DisplayName, drive.Trace!, ReasoningChecks.Evaluate(drive), mappings));
        }

        int faults = results.Sum(r => r.Faults);
        if (format == OutputFormat.Json)
        {
            WriteJson(environment.Output, chosen, folder, tracesFile, mapper, results, skipped);
        }
        else
        {
            WriteTable(environment.Output, chosen, tracesFile, results, skipped);
        }

        return faults > 0 ? ExitCodes.FailingVerdicts : ExitCodes.Success;
    }

    private static readonly string[] Columns =
    [
        ManeuverConsistencyAnalyzer.CheckedCount, ManeuverConsistencyAnalyzer.InconsistentCount, ManeuverConsistencyAnalyzer.UnmappedCount,
        CitedAgentAnalyzer.CitedCount, CitedAgentAnalyzer.MissingCount, CitedAgentAnalyzer.MisplacedCount,
        HazardMentionAnalyzer.HazardCount, HazardMentionAnalyzer.MissedCount,
    ];

    private static void WriteTable(TextWriter o, ICandidate candidate, string? tracesFile, List<Result> results, List<(string File, string Reason)> skipped)
    {
        o.WriteLine($"candidate  {candidate.Id}");
        o.WriteLine($"traces     {(tracesFile is null ? "the candidate's own decision reasons" : $"free text from {Path.GetFullPath(tracesFile)}, mapped with {SentenceEmbedder.ModelName}")}");
        int width = Math.Max(8, results.Count == 0 ? 8 : results.Max(r => r.Scenario.Length));
        o.WriteLine($"{"scenario".PadRight(width)}  steps  checked  inconsistent  unmapped  cited  missing  misplaced  hazards  missed");
        foreach (var r in results)
        {
            var v = Columns.Select(c => V(r.Evaluation, c)).ToArray();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Scenario.PadRight(width)}  {r.Trace.Steps.Count,5}  {v[0],7}  {v[1],12}  {v[2],8}  {v[3],5}  {v[4],7}  {v[5],9}  {v[6],7}  {v[7],6}"));
        }

        foreach (var r in results)
        {
            foreach (var e in r.Evaluation.Events)
            {
                o.WriteLine($"{e.Kind.Name,-26} {r.Scenario}: {e.Summary}");
            }
        }

        foreach (var (file, reason) in skipped)
        {
            o.WriteLine($"skipped    {file}: {reason}");
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total      {results.Count} scenarios, {results.Sum(r => r.Trace.Steps.Count)} steps, {results.Sum(r => r.Faults)} faults ({Sum(results, ManeuverConsistencyAnalyzer.InconsistentCount)} inconsistent maneuvers, {Sum(results, CitedAgentAnalyzer.MissingCount)} missing and {Sum(results, CitedAgentAnalyzer.MisplacedCount)} misplaced agents, {Sum(results, HazardMentionAnalyzer.MissedCount)} missed hazards of {Sum(results, HazardMentionAnalyzer.HazardCount)}), {skipped.Count} skipped"));
    }

    private static void WriteJson(TextWriter o, ICandidate candidate, string folder, string? tracesFile, ManeuverTextMapper? mapper, List<Result> results, List<(string File, string Reason)> skipped)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("candidate", candidate.Id.Value);
            w.WriteString("candidate_fingerprint", candidate.Fingerprint);
            w.WriteString("suite", folder);
            w.WriteString("source", tracesFile is null ? "candidate" : "free_text");
            w.WriteString("traces_file", tracesFile is null ? null : Path.GetFullPath(tracesFile));
            if (mapper is null)
            {
                w.WriteNull("mapping");
            }
            else
            {
                w.WriteStartObject("mapping");
                w.WriteString("model", SentenceEmbedder.ModelName);
                w.WriteNumber("threshold", mapper.Threshold);
                w.WriteEndObject();
            }

            w.WriteStartArray("scenarios");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("scenario", r.Scenario);
                w.WriteString("trace_source", r.Trace.Source);
                w.WriteNumber("steps", r.Trace.Steps.Count);
                w.WriteNumber("faults", r.Faults);
                w.WriteStartArray("metrics");
                foreach (var m in r.Evaluation.Metrics)
                {
                    w.WriteStartObject();
                    w.WriteString("name", m.Name);
                    if (m.Value is { } value && double.IsFinite(value))
                    {
                        w.WriteNumber("value", value);
                    }
                    else
                    {
                        w.WriteNull("value");
                    }

                    w.WriteString("unit", m.Unit.Symbol);
                    w.WriteString("reason", m.Reason);
                    w.WriteString("definition", m.Definition);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("findings");
                foreach (var e in r.Evaluation.Events)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", e.Kind.Name);
                    w.WriteNumber("start_s", Math.Round(e.StartSeconds, 6));
                    w.WriteNumber("end_s", Math.Round(e.EndSeconds, 6));
                    w.WriteStartArray("agents");
                    foreach (var a in e.Agents)
                    {
                        w.WriteStringValue(a.Value);
                    }

                    w.WriteEndArray();
                    w.WriteString("summary", e.Summary);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (r.Mappings.Count > 0)
                {
                    w.WriteStartArray("mappings");
                    for (int i = 0; i < r.Mappings.Count; i++)
                    {
                        var m = r.Mappings[i];
                        w.WriteStartObject();
                        w.WriteNumber("t", r.Trace.Steps[i].TimeSeconds);
                        w.WriteString("text", r.Trace.Steps[i].Text);
                        w.WriteString("maneuver", m.Maneuver?.Name);
                        w.WriteString("method", m.Method);
                        if (m.Similarity is { } s)
                        {
                            w.WriteNumber("similarity", Math.Round(s, 6));
                        }
                        else
                        {
                            w.WriteNull("similarity");
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("skipped");
            foreach (var (file, reason) in skipped)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteString("reason", reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("totals");
            w.WriteNumber("scenarios", results.Count);
            w.WriteNumber("steps", results.Sum(r => r.Trace.Steps.Count));
            w.WriteNumber("faults", results.Sum(r => r.Faults));
            foreach (var c in Columns)
            {
                w.WriteNumber(c, Sum(results, c));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        o.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string V(Evaluation e, string metric) =>
        e.FindMetric(metric)?.Value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static int Sum(List<Result> results, string metric) => results.Sum(r => (int)(r.Evaluation.FindMetric(metric)?.Value ?? 0));

    private sealed record Result(string Scenario, ReasoningTrace Trace, Evaluation Evaluation, IReadOnlyList<ManeuverMapping> Mappings)
    {
        public int Faults => (int)((Evaluation.FindMetric(ManeuverConsistencyAnalyzer.InconsistentCount)?.Value ?? 0)
            + (Evaluation.FindMetric(CitedAgentAnalyzer.MissingCount)?.Value ?? 0)
            + (Evaluation.FindMetric(CitedAgentAnalyzer.MisplacedCount)?.Value ?? 0)
            + (Evaluation.FindMetric(HazardMentionAnalyzer.MissedCount)?.Value ?? 0));
    }
}
