using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Kinematics;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Golden.Events;

/// <summary>
/// Builds the event golden sets this repository ships (<c>scenarios/golden/hard_braking/</c> and
/// <c>scenarios/golden/cut_in/</c>) from the real NGSIM logs under <c>scenarios/logs/</c>. Items are candidate moments
/// (a scene, an ego and a time window); each is labelled by two rule raters that follow different published definitions,
/// recorded as <see cref="RaterKind.Rule"/>. Deterministic: the same logs give the same bytes.
/// </summary>
public static class EventGoldenSets
{
    /// <summary>The hard-braking rater following the shared data README (the <see cref="HardBrakingAnalyzer"/>).</summary>
    public const string HardBrakingReadme = "rule.hard_braking.readme";

    /// <summary>The hard-braking rater following nuPlan's longitudinal-acceleration comfort bound.</summary>
    public const string HardBrakingNuPlan = "rule.hard_braking.nuplan_comfort";

    /// <summary>The cut-in rater that is the <see cref="CutInAnalyzer"/>.</summary>
    public const string CutInAnalyzerRater = "rule.cut_in.analyzer";

    /// <summary>The cut-in rater following the shared data README (lane change into a lane with a follower 0–30 m behind).</summary>
    public const string CutInReadme = "rule.cut_in.readme";

    /// <summary>Length of a hard-braking window, s.</summary>
    public const double BrakingWindowSeconds = 2.0;

    /// <summary>Half-length of a cut-in window around the lane change's entry, s.</summary>
    public const double CutInHalfWindowSeconds = 1.5;

    /// <summary>Smallest number of items per set.</summary>
    public const int MinimumItems = 160;

    private const double CandidateRadiusMetres = 80;

    /// <summary>The certification threshold written into both manifests: Cohen's kappa lower 95% bound ≥ 0.6, ECE ≤ 0.1.</summary>
    public static CertificationThreshold Threshold(string behaviour) => new(behaviour, "cohen_kappa", 0.6, 0.1);

    /// <summary>Writes both sets (folders <c>hard_braking</c> and <c>cut_in</c>) and returns them as loaded.</summary>
    /// <param name="root">The repository root (its <c>scenarios/logs/</c> are read).</param>
    /// <param name="golden">Where to write; null for <c>&lt;root&gt;/scenarios/golden/</c>.</param>
    public static (GoldenSet HardBraking, GoldenSet CutIn) WriteAll(string root, string? golden = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var scenes = ReadScenes(root);
        var (hbDescription, hbItems, hbLabels) = HardBraking(scenes);
        var (ciDescription, ciItems, ciLabels) = CutIn(scenes);
        golden ??= Path.Combine(root, "scenarios", "golden");
        return (
            GoldenSetStore.Write(Path.Combine(golden, hbDescription.Name), hbDescription, hbItems, hbLabels),
            GoldenSetStore.Write(Path.Combine(golden, ciDescription.Name), ciDescription, ciItems, ciLabels));
    }

    /// <summary>The canonical scenes under <c>scenarios/logs/</c> with their paths relative to the root, in ordinal path order.</summary>
    public static IReadOnlyList<(string Log, Scene Scene)> ReadScenes(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        string logs = Path.Combine(root, "scenarios", "logs");
        return [.. Directory.EnumerateFiles(logs, "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(rel => (rel, CanonicalSceneFile.Read(Path.Combine(root, rel))))];
    }

    /// <summary>The hard-braking set: every 2 s window of every vehicle that either rater flags, and as many unflagged windows, nearest first.</summary>
    public static (GoldenSetDescription Description, IReadOnlyList<GoldenItem> Items, IReadOnlyList<GoldenLabel> Labels) HardBraking(IReadOnlyList<(string Log, Scene Scene)> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var readme = new HardBrakingAnalyzer();
        var nuplan = new NuPlanComfortAnalyzer(includeSeries: true);
        double bound = nuplan.Bounds.MinLonAcceleration;
        var candidates = new List<Candidate>();
        foreach (var (log, scene) in scenes)
        {
            double step = scene.TimeBase.StepSeconds;
            int frames = (int)Math.Round(BrakingWindowSeconds / step);
            foreach (var track in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
            {
                var drive = new Drive(scene, track.Id);
                var events = readme.Analyze(drive).EventsOf(EventKind.HardBraking).ToList();
                var series = nuplan.Analyze(drive).Series.FirstOrDefault(s => s.Name == "accel.lon");
                int w = 0;
                for (int first = track.FirstFrame; first + frames - 1 <= track.LastFrame; first += frames, w++)
                {
                    double t0 = scene.TimeBase.TimeOf(first), t1 = scene.TimeBase.TimeOf(first + frames);
                    var hit = events.Where(e => e.StartSeconds < t1 && e.EndSeconds > t0).ToList();
                    string? a = hit.Count > 0
                        ? $"smoothed a < -3 m/s^2 held >= 0.3 s overlaps the window (min {F(hit.Min(e => e.Evidence["min_accel_mps2"]))} m/s^2)"
                        : null;
                    double min = double.PositiveInfinity;
                    if (series is not null)
                    {
                        for (int k = 0; k < series.TimesSeconds.Count; k++)
                        {
                            if (series.TimesSeconds[k] >= t0 - 1e-9 && series.TimesSeconds[k] < t1 - 1e-9)
                            {
                                min = Math.Min(min, series.Values[k]);
                            }
                        }
                    }

                    string? b = min <= bound ? $"nuPlan lon acceleration {F(min)} m/s^2 at or beyond the {F(bound)} m/s^2 comfort bound in the window" : null;
                    string id = $"{scene.Id}/{track.Id}/{F(t0)}";
                    candidates.Add(new Candidate(
                        new GoldenItem(id, GoldenItemKind.DriveWindow, new DriveWindow(scene.Id, scene.Provenance.ContentSha256, log, track.Id.Value, t0, t1)),
                        $"{scene.Id}/{track.Id}",
                        w,
                        a,
                        b,
                        double.IsFinite(min) ? $"nuPlan lon acceleration min {F(min)} m/s^2, above the {F(bound)} m/s^2 bound" : "no nuPlan lon acceleration (track too short)"));
                }
            }
        }

        var (items, labels) = Select(candidates, HardBrakingReadme, HardBrakingNuPlan, "no smoothed deceleration beyond 3 m/s^2 held 0.3 s in the window");
        var description = new GoldenSetDescription(
            "hard_braking",
            "1",
            "Hard braking of the ego in 2 s windows of real NGSIM drives (every vehicle taken as ego in turn): every window either rater flags, and as many unflagged windows of the same drives (adjacent windows first).",
            $"Items: the NGSIM scenes (via CommonRoad) under scenarios/logs/, scene hash = the original log's SHA-256. Labels: two rule raters, no human: '{HardBrakingReadme}' = AvEval's HardBrakingAnalyzer (the shared data README's definition: Savitzky-Golay smoothed longitudinal acceleration < -3 m/s^2 held >= 0.3 s, event overlapping the window); '{HardBrakingNuPlan}' = nuPlan's ego_lon_acceleration comfort bound (SG window 8, order 2; some sample in the window <= -4.05 m/s^2, via NuPlanComfortAnalyzer). Generated by AvEval.Golden.Events.EventGoldenSets (aveval golden build).",
            GoldenItemKind.DriveWindow,
            LabelScale.Binary,
            AdjudicationRule.Majority,
            [Threshold("hard_braking")]);
        return (description, items, labels);
    }

    /// <summary>
    /// The cut-in set: for every lane change of every vehicle (hysteresis as the <see cref="CutInAnalyzer"/>), every other
    /// vehicle within 80 m of it at entry (any lane) is a candidate ego; the window is entry ± 1.5 s.
    /// </summary>
    public static (GoldenSetDescription Description, IReadOnlyList<GoldenItem> Items, IReadOnlyList<GoldenLabel> Labels) CutIn(IReadOnlyList<(string Log, Scene Scene)> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var options = new CutInOptions();
        var analyzer = new CutInAnalyzer(options);
        var candidates = new List<Candidate>();
        foreach (var (log, scene) in scenes)
        {
            var index = SceneLaneIndex.For(scene);
            if (index.LaneCount == 0)
            {
                continue;
            }

            var time = scene.TimeBase;
            int hold = FrameRuns.FramesFor(options.LaneChange.MinHoldSeconds, time.StepSeconds);
            var evaluations = new Dictionary<int, Evaluation>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int other = 0; other < index.TrackCount; other++)
            {
                var otherTrack = index.TrackAt(other);
                if (otherTrack.Kind != AgentKind.Vehicle)
                {
                    continue;
                }

                foreach (var change in index.LaneChangesOf(other, hold))
                {
                    int entry = change.EntryFrame;
                    var otherCentre = otherTrack.StateAt(entry);
                    double t0 = time.TimeOf(entry) - CutInHalfWindowSeconds, t1 = time.TimeOf(entry) + CutInHalfWindowSeconds;
                    foreach (int ego in index.VehiclesAt(entry))
                    {
                        var egoTrack = index.TrackAt(ego);
                        var egoState = egoTrack.StateAt(entry);
                        if (ego == other || Math.Sqrt(Math.Pow(egoState.X - otherCentre.X, 2) + Math.Pow(egoState.Y - otherCentre.Y, 2)) > CandidateRadiusMetres)
                        {
                            continue;
                        }

                        string id = $"{scene.Id}/{egoTrack.Id}/{otherTrack.Id}/{F(time.TimeOf(entry))}";
                        if (!seen.Add(id))
                        {
                            continue;
                        }

                        if (!evaluations.TryGetValue(ego, out var evaluation))
                        {
                            evaluation = analyzer.Analyze(new Drive(scene, egoTrack.Id), index);
                            evaluations[ego] = evaluation;
                        }

                        var hit = evaluation.EventsOf(EventKind.CutIn).FirstOrDefault(e => e.Agents.Contains(otherTrack.Id) && e.StartSeconds >= t0 - 1e-9 && e.StartSeconds < t1 - 1e-9);
                        string? a = hit is null ? null : $"CutInAnalyzer: entry at {F(hit.StartSeconds)} s, bumper gap {F(hit.Evidence["gap_at_entry_m"])} m";
                        string? b = ReadmeCutIn(index, ego, other, time, t0, t1);
                        candidates.Add(new Candidate(
                            new GoldenItem(id, GoldenItemKind.DriveWindow, new DriveWindow(scene.Id, scene.Provenance.ContentSha256, log, egoTrack.Id.Value, t0, t1, otherTrack.Id.Value)),
                            $"{scene.Id}/{otherTrack.Id}/{F(time.TimeOf(entry))}",
                            0,
                            a,
                            b,
                            "no lane change of the other vehicle into the ego's lane with the ego 0-30 m behind in the window"));
                    }
                }
            }
        }

        var (items, labels) = Select(candidates, CutInAnalyzerRater, CutInReadme, "the CutInAnalyzer finds no cut-in of the other vehicle ahead of the ego in the window");
        var description = new GoldenSetDescription(
            "cut_in",
            "1",
            "Cut-ins in front of the ego on real NGSIM drives: for every lane change of a vehicle, the vehicles within 80 m of it at entry (any lane) are candidate egos; window = entry +- 1.5 s. Every candidate either rater flags, and as many unflagged ones.",
            $"Items: the NGSIM scenes (via CommonRoad) under scenarios/logs/, scene hash = the original log's SHA-256. Labels: two rule raters, no human: '{CutInAnalyzerRater}' = AvEval's CutInAnalyzer (lane change held >= 0.5 s into the ego's lane or a successor, centre ahead, bumper-to-bumper gap <= 30 m); '{CutInReadme}' = the shared data README's definition (the other vehicle's lane association changes, for any number of frames, into a same-direction neighbour that is the ego's lane, with the ego its follower 0-30 m behind, centre to centre along the lane). Generated by AvEval.Golden.Events.EventGoldenSets (aveval golden build).",
            GoldenItemKind.DriveWindow,
            LabelScale.Binary,
            AdjudicationRule.Majority,
            [Threshold("cut_in")]);
        return (description, items, labels);
    }

    // The README's cut-in: the other vehicle's lane becomes a same-direction neighbour of its previous lane (no hold) at a
    // frame in the window, that lane is the ego's, and the ego follows 0–30 m behind (centre to centre, lane coordinate).
    private static string? ReadmeCutIn(SceneLaneIndex index, int ego, int other, TimeBase time, double t0, double t1)
    {
        int first = Math.Max(index.TrackAt(other).FirstFrame + 1, (int)Math.Ceiling(((t0 - time.StartSeconds) / time.StepSeconds) - 1e-9));
        int last = Math.Min(index.TrackAt(other).LastFrame, (int)Math.Ceiling(((t1 - time.StartSeconds) / time.StepSeconds) - 1e-9) - 1);
        for (int f = first; f <= last; f++)
        {
            int from = index.LaneOf(other, f - 1), to = index.LaneOf(other, f);
            if (from < 0 || to < 0 || from == to || index.SideOf(from, to) == LaneSide.None || index.LaneOf(ego, f) != to)
            {
                continue;
            }

            double behind = index.FrenetOf(other, f).S - index.FrenetOf(ego, f).S;
            if (behind > 0 && behind <= 30)
            {
                return $"lane change into the ego's lane at {F(time.TimeOf(f))} s with the ego {F(behind)} m behind";
            }
        }

        return null;
    }

    private static (List<GoldenItem> Items, List<GoldenLabel> Labels) Select(List<Candidate> candidates, string raterA, string raterB, string negativeA)
    {
        var positives = candidates.Where(c => c.A is not null || c.B is not null).ToList();
        var positiveGroups = positives.Select(p => (p.Group, p.Window)).ToHashSet();
        int wanted = Math.Max(positives.Count, MinimumItems - positives.Count);
        var negatives = candidates.Where(c => c.A is null && c.B is null)
            .OrderBy(c => positiveGroups.Contains((c.Group, c.Window - 1)) || positiveGroups.Contains((c.Group, c.Window + 1)) || positiveGroups.Any(p => p.Group == c.Group) ? 0 : 1)
            .ThenBy(c => Key(c.Item.Id), StringComparer.Ordinal)
            .Take(wanted)
            .ToHashSet();
        var chosen = candidates.Where(c => c.A is not null || c.B is not null || negatives.Contains(c)).ToList();
        var labels = new List<GoldenLabel>();
        foreach (var c in chosen)
        {
            labels.Add(new GoldenLabel(c.Item.Id, raterA, RaterKind.Rule, c.A is null ? "0" : "1", null, c.A ?? negativeA));
            labels.Add(new GoldenLabel(c.Item.Id, raterB, RaterKind.Rule, c.B is null ? "0" : "1", null, c.B ?? c.NegativeB));
        }

        return ([.. chosen.Select(c => c.Item)], labels);
    }

    private static string Key(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record Candidate(GoldenItem Item, string Group, int Window, string? A, string? B, string NegativeB);
}
