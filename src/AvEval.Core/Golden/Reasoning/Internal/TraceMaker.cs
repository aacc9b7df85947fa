using System.Globalization;
using AvEval.Analysis;
using AvEval.Kinematics;
using AvEval.Reasoning;
using AvEval.Scenes;

namespace AvEval.Golden.Reasoning.Internal;

/// <summary>Makes the true trace of one recorded drive window and its corruptions (<see cref="ReasoningGoldenSet"/>).</summary>
internal sealed class TraceMaker
{
    private const double StepSeconds = 1.0;
    private const double ChangeAheadSeconds = 2.0;
    private const double Lookahead = 150;

    private readonly Drive _drive;
    private readonly SceneLaneIndex _index;
    private readonly int _ego;
    private readonly double _start;
    private readonly double _end;
    private readonly TimeBase _tb;
    private readonly List<(double Time, LateralManeuver Side)> _changes = [];
    private readonly Dictionary<double, double> _means = [];
    private readonly ReasoningCheckOptions _checks = new();
    private List<DrivingEvent> _hazards = [];

    public TraceMaker(Drive drive, SceneLaneIndex index, double start, double end)
    {
        _drive = drive;
        _index = index;
        _ego = index.IndexOf(drive.Ego);
        _start = start;
        _end = end;
        _tb = drive.Scene.TimeBase;
        foreach (var c in index.LaneChangesOf(_ego, 5))
        {
            _changes.Add((_tb.TimeOf(c.EntryFrame), c.Side == LaneSide.Left ? LateralManeuver.ChangeLeft : LateralManeuver.ChangeRight));
        }
    }

    public ReasoningTrace True()
    {
        var steps = new List<ReasoningStep>();
        for (double t = _start; t + StepSeconds <= _end + 1e-9; t = Math.Round(t + StepSeconds, 6))
        {
            steps.Add(StepAt(t));
        }

        double first = steps[0].TimeSeconds, last = steps[^1].TimeSeconds;
        _hazards = [.. HazardMentionAnalyzer.Hazards(_drive).Where(h => h.EndSeconds > first - _checks.MentionBeforeSeconds && h.StartSeconds <= last + _checks.MentionAfterSeconds)];
        foreach (var h in _hazards)
        {
            var (from, to) = Range(h);
            if (steps.Any(s => s.TimeSeconds >= from && s.TimeSeconds <= to && s.Cited.Any(c => h.Agents.Contains(c.Agent))))
            {
                continue;
            }

            var agent = h.Agents[0];
            string role = h.Kind == EventKind.CutIn ? "cut-in" : h.Kind == ReasoningEvents.LeadBraking ? "braking lead" : "close lead";
            int best = -1;
            for (int i = 0; i < steps.Count; i++)
            {
                if (steps[i].TimeSeconds >= from && steps[i].TimeSeconds <= to && Facts(agent, steps[i].TimeSeconds) is not null
                    && (best < 0 || Math.Abs(steps[i].TimeSeconds - h.StartSeconds) < Math.Abs(steps[best].TimeSeconds - h.StartSeconds)))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                double t = Math.Clamp(Math.Round(h.StartSeconds, 1), first, last);
                steps.Add(StepAt(t));
                steps.Sort((a, b) => a.TimeSeconds.CompareTo(b.TimeSeconds));
                best = steps.FindIndex(s => s.TimeSeconds == t);
                if (Facts(agent, t) is null)
                {
                    continue;
                }
            }

            var s = steps[best];
            var (d, c) = Facts(agent, s.TimeSeconds)!.Value;
            steps[best] = Render(s.TimeSeconds, s.Maneuver!.Value, [.. s.Cited, new CitedAgent(agent, role, d, c)]);
        }

        return new ReasoningTrace("golden: true trace from the analyzers' facts", steps, StepSeconds);
    }

    public ReasoningTrace? Corrupt(ReasoningTrace truth, TraceCorruption corruption)
    {
        var steps = truth.Steps.ToList();
        string source = $"golden: {ReasoningGoldenSet.NameOf(corruption)}";
        switch (corruption)
        {
            case TraceCorruption.WrongCause:
            {
                var hazardAgents = _hazards.SelectMany(h => h.Agents).ToHashSet();
                int i = steps.FindIndex(s => s.Cited.Any(c => hazardAgents.Contains(c.Agent) && c.DistanceMetres is not null));
                i = i >= 0 ? i : steps.FindIndex(s => s.Cited.Any(c => c.DistanceMetres is not null));
                if (i < 0)
                {
                    return null;
                }

                var s = steps[i];
                int j = s.Cited.ToList().FindIndex(c => c.DistanceMetres is not null && (hazardAgents.Contains(c.Agent) || !s.Cited.Any(x => hazardAgents.Contains(x.Agent) && x.DistanceMetres is not null)));
                var cited = s.Cited.ToList();
                var wrong = cited[j];
                cited[j] = wrong with { DistanceMetres = (2 * wrong.DistanceMetres!.Value) + 10, ClosingSpeedMps = wrong.ClosingSpeedMps is { } cs ? -cs - 3 : null };
                steps[i] = Render(s.TimeSeconds, s.Maneuver!.Value, cited);
                break;
            }

            case TraceCorruption.WrongManeuver:
            {
                int strongest = -1;
                for (int i = 0; i < steps.Count; i++)
                {
                    if (_means.TryGetValue(steps[i].TimeSeconds, out double m) && (strongest < 0 || Math.Abs(m) > Math.Abs(_means[steps[strongest].TimeSeconds])))
                    {
                        strongest = i;
                    }
                }

                var sm = steps[strongest];
                var lon = sm.Maneuver!.Value.Longitudinal;
                if (Math.Abs(_means[sm.TimeSeconds]) >= 1.0 && lon is LongitudinalManeuver.Accelerate or LongitudinalManeuver.Decelerate)
                {
                    var flipped = lon == LongitudinalManeuver.Accelerate ? LongitudinalManeuver.Decelerate : LongitudinalManeuver.Accelerate;
                    steps[strongest] = Render(sm.TimeSeconds, sm.Maneuver.Value with { Longitudinal = flipped }, sm.Cited);
                    break;
                }

                double lastTime = _tb.TimeOf(_drive.EgoTrack.LastFrame);
                int k = -1;
                LateralManeuver side = default;
                for (int i = 0; i < steps.Count && k < 0; i++)
                {
                    double t = steps[i].TimeSeconds;
                    if (steps[i].Maneuver!.Value.Lateral != LateralManeuver.KeepLane || lastTime - t < _checks.LaneChangeWindowSeconds)
                    {
                        continue;
                    }

                    foreach (var candidate in (LateralManeuver[])[LateralManeuver.ChangeLeft, LateralManeuver.ChangeRight])
                    {
                        if (!_changes.Exists(c => c.Side == candidate && Math.Abs(c.Time - t) <= _checks.LaneChangeWindowSeconds + 0.5))
                        {
                            (k, side) = (i, candidate);
                            break;
                        }
                    }
                }

                if (k < 0)
                {
                    return null;
                }

                steps[k] = Render(steps[k].TimeSeconds, steps[k].Maneuver!.Value with { Lateral = side }, steps[k].Cited);
                break;
            }

            case TraceCorruption.PhantomAgent:
            {
                long max = _drive.Scene.Tracks.Select(t => long.TryParse(t.Id.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : 0).Max();
                var phantom = new TrackId((max + 1000).ToString(CultureInfo.InvariantCulture));
                int i = steps.Count / 2;
                steps[i] = Render(steps[i].TimeSeconds, steps[i].Maneuver!.Value, [new CitedAgent(phantom, "lead", 12.0, 1.0), .. steps[i].Cited]);
                break;
            }

            case TraceCorruption.MissedHazard:
            {
                if (_hazards.Count == 0)
                {
                    return null;
                }

                for (int i = 0; i < steps.Count; i++)
                {
                    var s = steps[i];
                    var kept = s.Cited.Where(c => !_hazards.Any(h => h.Agents.Contains(c.Agent) && s.TimeSeconds >= Range(h).From && s.TimeSeconds <= Range(h).To)).ToList();
                    if (kept.Count != s.Cited.Count)
                    {
                        steps[i] = Render(s.TimeSeconds, s.Maneuver!.Value, kept);
                    }
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, "Not a corruption.");
        }

        return new ReasoningTrace(source, steps, truth.HorizonSeconds);
    }

    private (double From, double To) Range(DrivingEvent h) =>
        (h.StartSeconds - _checks.MentionBeforeSeconds - 1e-9, h.EndSeconds + _checks.MentionAfterSeconds + 1e-9);

    private ReasoningStep StepAt(double t)
    {
        var ego = _drive.EgoTrack;
        int frame = (int)Math.Round((t - _tb.StartSeconds) / _tb.StepSeconds);
        int w = (int)Math.Round(StepSeconds / _tb.StepSeconds);
        double v0 = ego.StateAt(frame).Speed, v1 = ego.StateAt(frame + w).Speed;
        double mean = (v1 - v0) / (w * _tb.StepSeconds);
        _means[t] = mean;
        var lateral = _changes.Where(c => c.Time >= t - 1e-9 && c.Time <= t + ChangeAheadSeconds + 1e-9).Select(c => c.Side).FirstOrDefault(LateralManeuver.KeepLane);
        var maneuver = new Maneuver(ManeuverTaxonomy.Classify(mean, v0), lateral);
        var cited = new List<CitedAgent>();
        if (Lead(frame) is { } lead)
        {
            cited.Add(new CitedAgent(_index.TrackAt(lead.TrackIndex).Id, "lead", lead.GapMetres, lead.ClosingSpeed));
        }

        return Render(t, maneuver, cited);
    }

    private LeadVehicle? Lead(int frame) =>
        _index.TryFindLeadInLanes(_ego, frame, Lookahead, out var lead) || _index.TryFindLeadInCorridor(_ego, frame, SceneLaneIndex.DefaultLaneWidth / 2, Lookahead, out lead)
            ? lead
            : null;

    /// <summary>An agent's distance and closing speed at a time: the lane index's lead facts when it is the lead, else the straight-line measure.</summary>
    private (double Distance, double? Closing)? Facts(TrackId agent, double t)
    {
        int frame = (int)Math.Round((t - _tb.StartSeconds) / _tb.StepSeconds);
        if (Lead(frame) is { } lead && _index.TrackAt(lead.TrackIndex).Id == agent)
        {
            return (lead.GapMetres, lead.ClosingSpeed);
        }

        return CitedAgentAnalyzer.Measure(_drive, agent, frame) is { } m ? (m.Distance, m.ClosingSpeed) : null;
    }

    private static ReasoningStep Render(double t, Maneuver maneuver, IReadOnlyList<CitedAgent> cited)
    {
        var inv = CultureInfo.InvariantCulture;
        string because = cited.Count == 0
            ? "no vehicle ahead"
            : string.Join("; ", cited.Select(c => c.ClosingSpeedMps is { } cs
                ? string.Create(inv, $"{c.Role} {c.Agent} is {c.DistanceMetres:0.0} m ahead, closing at {cs:0.0} m/s")
                : string.Create(inv, $"{c.Role} {c.Agent} is {c.DistanceMetres:0.0} m ahead")));
        return new ReasoningStep(t, maneuver, cited, $"{maneuver.Name}: {because}");
    }
}
