using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Golden.Events;
using AvEval.Golden.Reasoning.Internal;
using AvEval.Kinematics;
using AvEval.Reasoning;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Golden.Reasoning;

/// <summary>
/// The chain-of-thought golden set (<c>scenarios/golden/cot</c>): reasoning traces about real recorded drives, each true or
/// corrupted, labelled by construction. Per in-repo scene, up to <see cref="EgosPerScene"/> vehicles with a hazard
/// (<see cref="HazardMentionAnalyzer.Hazards"/>: cut-in, lead braking, short headway; in that order of preference, then by
/// ego id) give a window from <see cref="SecondsBefore"/> before the hazard to <see cref="SecondsAfter"/> after it. The true
/// trace has a step every second of the window (while a full second follows): the maneuver from what the recorded ego did
/// (<see cref="ManeuverTaxonomy.Classify"/> of its mean acceleration over the next second; a lane change when the lane
/// index sees it enter a side lane within 2 s), its lead (<see cref="SceneLaneIndex.TryFindLeadInLanes"/>, else the
/// corridor lead) with the gap and closing speed along the lane path, and each hazard's agent cited at the step nearest
/// the hazard's start. Four corruptions of it follow (<see cref="TraceCorruption"/>), each skipped when the trace offers
/// nothing to corrupt. Deterministic: the same logs give the same bytes.
/// </summary>
public static class ReasoningGoldenSet
{
    /// <summary>The set's name and folder.</summary>
    public const string Name = "cot";

    /// <summary>The behaviour it certifies.</summary>
    public const string Behaviour = "cot_quality";

    /// <summary>The traces file beside the items and labels.</summary>
    public const string TracesFile = "traces.jsonl";

    /// <summary>The rater that labels by construction.</summary>
    public const string Rater = "construction.cot";

    /// <summary>Egos per scene.</summary>
    public const int EgosPerScene = 8;

    /// <summary>Window start before the hazard, s.</summary>
    public const double SecondsBefore = 3.0;

    /// <summary>Window end after the hazard's start, s.</summary>
    public const double SecondsAfter = 5.0;

    private const string TracesHashPrefix = "traces.jsonl SHA-256 ";

    /// <summary>The snake_case name of a corruption.</summary>
    /// <param name="corruption">The corruption.</param>
    public static string NameOf(TraceCorruption corruption) => corruption switch
    {
        TraceCorruption.None => "none",
        TraceCorruption.WrongCause => "wrong_cause",
        TraceCorruption.WrongManeuver => "wrong_maneuver",
        TraceCorruption.PhantomAgent => "phantom_agent",
        TraceCorruption.MissedHazard => "missed_hazard",
        _ => throw new ArgumentOutOfRangeException(nameof(corruption), corruption, "Not a corruption."),
    };

    /// <summary>Builds the traces from the canonical scenes under <c>scenarios/logs</c> of <paramref name="root"/>.</summary>
    /// <param name="root">The repository root.</param>
    public static IReadOnlyList<GoldenTrace> Build(string root)
    {
        var result = new List<GoldenTrace>();
        foreach (var (log, scene) in EventGoldenSets.ReadScenes(root))
        {
            var index = SceneLaneIndex.For(scene);
            if (index.LaneCount == 0)
            {
                continue;
            }

            var chosen = new List<(Track Ego, DrivingEvent Hazard, int Rank)>();
            foreach (var ego in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
            {
                var drive = new Drive(scene, ego.Id);
                double first = scene.TimeBase.TimeOf(ego.FirstFrame), last = scene.TimeBase.TimeOf(ego.LastFrame);
                var hazard = HazardMentionAnalyzer.Hazards(drive)
                    .Where(h => h.StartSeconds - SecondsBefore >= first - 1e-9 && h.StartSeconds + SecondsAfter <= last + 1e-9)
                    .OrderBy(Rank).ThenBy(h => h.StartSeconds).FirstOrDefault();
                if (hazard is not null)
                {
                    chosen.Add((ego, hazard, Rank(hazard)));
                }
            }

            foreach (var (ego, hazard, _) in chosen.OrderBy(c => c.Rank).ThenBy(c => Numeric(c.Ego.Id)).ThenBy(c => c.Ego.Id.Value, StringComparer.Ordinal).Take(EgosPerScene))
            {
                var drive = new Drive(scene, ego.Id);
                double start = Math.Round(hazard.StartSeconds - SecondsBefore, 1), end = Math.Round(hazard.StartSeconds + SecondsAfter, 1);
                var window = new DriveWindow(scene.Id, scene.Provenance.ContentSha256, log, ego.Id.Value, start, end, hazard.Agents.Count > 0 ? hazard.Agents[0].Value : null);
                var maker = new TraceMaker(drive, index, start, end);
                string id = string.Create(CultureInfo.InvariantCulture, $"{scene.Id}/{ego.Id}/{start:0.0}");
                var truth = maker.True();
                result.Add(new GoldenTrace($"{id}/none", TraceCorruption.None, window, truth));
                foreach (var corruption in (TraceCorruption[])[TraceCorruption.WrongCause, TraceCorruption.WrongManeuver, TraceCorruption.PhantomAgent, TraceCorruption.MissedHazard])
                {
                    if (maker.Corrupt(truth, corruption) is { } corrupted)
                    {
                        result.Add(new GoldenTrace($"{id}/{NameOf(corruption)}", corruption, window, corrupted));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Writes the set (items, labels by construction, traces, manifest) into <paramref name="folder"/>.</summary>
    /// <param name="folder">The set's folder.</param>
    /// <param name="traces">The traces (<see cref="Build"/>).</param>
    public static GoldenSet Write(string folder, IReadOnlyList<GoldenTrace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        byte[] traceBytes = TracesBytes(traces);
        var counts = traces.GroupBy(t => t.Corruption).OrderBy(g => g.Key).Select(g => $"{g.Count()} {NameOf(g.Key)}");
        var description = new GoldenSetDescription(
            Name,
            "1",
            $"Chain-of-thought quality: reasoning traces about real NGSIM drives, true or corrupted ({string.Join(", ", counts)}); label 1 = the trace is corrupted. The traces are in {TracesFile}.",
            "Items: windows of recorded NGSIM drives (via CommonRoad) under scenarios/logs/ around a hazard the rule analyzers find (cut-in, lead braking, short headway). Traces: the true trace is made from the analyzers' facts about the recorded drive (maneuver from its speed over the next second and the lane index's lane changes; lead, gap and closing speed from the lane index; hazard agents from the analyzers); each corrupted trace changes it in one way (wrong_cause, wrong_maneuver, phantom_agent, missed_hazard). Labels: by construction, rater 'construction.cot' (kind rule: a program, no human), 1 for a corrupted trace, 0 for the true one. Generated by AvEval.Golden.Reasoning.ReasoningGoldenSet. " + TracesHashPrefix + GoldenSetStore.Hash(traceBytes) + ".",
            GoldenItemKind.DriveWindow,
            LabelScale.Binary,
            AdjudicationRule.Majority,
            [new CertificationThreshold(Behaviour, "cohen_kappa", 0.6, 0.1)]);
        var items = traces.Select(t => new GoldenItem(t.Item, GoldenItemKind.DriveWindow, t.Window)).ToList();
        var labels = traces.Select(t => new GoldenLabel(
            t.Item,
            Rater,
            RaterKind.Rule,
            t.Corruption == TraceCorruption.None ? "0" : "1",
            1.0,
            t.Corruption == TraceCorruption.None ? "true trace from the analyzers' facts" : $"corrupted by construction: {t.CorruptionName}")).ToList();
        var set = GoldenSetStore.Write(folder, description, items, labels);
        File.WriteAllBytes(Path.Combine(folder, TracesFile), traceBytes);
        return set;
    }

    /// <summary>Loads the set and its traces, checking the traces file against the SHA-256 its manifest's provenance records.</summary>
    /// <param name="folder">The set's folder.</param>
    /// <exception cref="GoldenSetException">A file is missing, malformed or does not match its hash.</exception>
    public static (GoldenSet Set, IReadOnlyList<GoldenTrace> Traces) Load(string folder)
    {
        var set = GoldenSetStore.Load(folder);
        string file = Path.Combine(folder, TracesFile);
        if (!File.Exists(file))
        {
            throw GoldenSetException.MissingFile(file, "the chain-of-thought traces");
        }

        byte[] bytes = File.ReadAllBytes(file);
        string provenance = set.Manifest.Provenance;
        int at = provenance.IndexOf(TracesHashPrefix, StringComparison.Ordinal);
        string expected = at < 0 ? "(none recorded)" : provenance.Substring(at + TracesHashPrefix.Length, 64);
        string actual = GoldenSetStore.Hash(bytes);
        if (actual != expected)
        {
            throw GoldenSetException.HashMismatch(file, actual, expected, Path.Combine(folder, GoldenSetStore.ManifestFile));
        }

        var windows = set.Items.ToDictionary(i => i.Id, i => i.Window!, StringComparer.Ordinal);
        var traces = new List<GoldenTrace>();
        int line = 0;
        foreach (var text in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var e = doc.RootElement;
                string item = e.GetProperty("item").GetString()!;
                string name = e.GetProperty("corruption").GetString()!;
                var corruption = Enum.GetValues<TraceCorruption>().Single(c => NameOf(c) == name);
                traces.Add(new GoldenTrace(item, corruption, windows[item], ReasoningTraceJson.Read(e.GetProperty("trace"))));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw GoldenSetException.Malformed(file, $"line {line}", ex.Message);
            }
        }

        return (set, traces);
    }

    /// <summary>The drive a golden trace is about: the whole recorded ego track of its scene, with the trace attached.</summary>
    /// <param name="root">The repository root its log is relative to.</param>
    /// <param name="trace">The golden trace.</param>
    /// <param name="scenes">Scenes already read, by log path; filled as logs are read.</param>
    public static Drive DriveOf(string root, GoldenTrace trace, IDictionary<string, Scene> scenes)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(scenes);
        string log = trace.Window.Log ?? throw new ArgumentException($"Golden item '{trace.Item}' names no log.", nameof(trace));
        if (!scenes.TryGetValue(log, out var scene))
        {
            scene = CanonicalSceneFile.Read(Path.Combine(root, log));
            scenes[log] = scene;
        }

        return new Drive(scene, new TrackId(trace.Window.Ego)) { Trace = trace.Trace };
    }

    private static byte[] TracesBytes(IReadOnlyList<GoldenTrace> traces)
    {
        using var stream = new MemoryStream();
        foreach (var t in traces)
        {
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteString("item", t.Item);
                w.WriteString("corruption", t.CorruptionName);
                w.WritePropertyName("trace");
                ReasoningTraceJson.Write(w, t.Trace);
                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    private static int Rank(DrivingEvent hazard) =>
        hazard.Kind == EventKind.CutIn ? 0 : hazard.Kind == ReasoningEvents.LeadBraking ? 1 : 2;

    private static long Numeric(TrackId id) => long.TryParse(id.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : long.MaxValue;
}
