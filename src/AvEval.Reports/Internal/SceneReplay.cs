using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Import;
using AvEval.Reports.Model;
using AvEval.Runs;
using AvEval.Scenes;
using AvEval.Suites;
using AvEval.Tracking.Comparison;

namespace AvEval.Reports.Internal;

/// <summary>
/// Replays the drives of a few scenarios for the bird's-eye view: the suite of the candidate's run, its log scenes and
/// the candidate configurations, each checked against the fingerprint the run recorded (a changed configuration would
/// draw a drive that was never evaluated, so it is left out with a note).
/// </summary>
internal sealed class SceneReplay
{
    private const double NearMetres = 60;
    private const double LaneMarginMetres = 40;
    private const double MinStepSeconds = 0.2;

    private readonly Dictionary<string, Scene> _scenes = new(StringComparer.Ordinal);
    private readonly SceneImporters _importers = SceneImporters.CreateDefault();

    /// <summary>The scenes of <paramref name="scenarios"/> as the compared runs drove them.</summary>
    public List<ReportScene> Replay(Tracking.Comparison.Comparison comparison, RunManifest candidateManifest, IReadOnlyList<string> scenarios)
    {
        var result = new List<ReportScene>();
        if (scenarios.Count == 0)
        {
            return result;
        }

        var cases = comparison.Candidate.Cases.GroupBy(c => c.Scenario, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Suite? suite = null;
        string? problem = null;
        try
        {
            suite = new Suite(candidateManifest.SuiteRoot, NoEvaluatorCatalog.Instance);
        }
        catch (AvEvalException e)
        {
            problem = $"the suite folder '{candidateManifest.SuiteRoot}' of the candidate's run cannot be read ({e.Message.TrimEnd('.')})";
        }

        var candidate = suite is null ? null : Find(suite, comparison.Candidate);
        if (suite is not null && candidate is null)
        {
            problem = $"candidate '{comparison.Candidate.Candidate}' in the suite's {Suite.CatalogFile} no longer has the fingerprint its run recorded, so its drives cannot be replayed as they were evaluated";
        }

        var baseline = suite is null ? null : Find(suite, comparison.Baseline);
        foreach (string scenario in scenarios)
        {
            if (!cases.TryGetValue(scenario, out var record))
            {
                continue;
            }

            if (suite is null || candidate is null)
            {
                result.Add(Unavailable(record, problem!));
                continue;
            }

            try
            {
                result.Add(Scene(suite, record, candidate, baseline, comparison.Baseline.Candidate));
            }
            catch (AvEvalException e)
            {
                result.Add(Unavailable(record, $"the drive cannot be replayed ({e.Message.TrimEnd('.')})"));
            }
        }

        return result;
    }

    /// <summary>A scene without a view: the run's events and why there is no view, never a silent gap.</summary>
    private static ReportScene Unavailable(CaseRecord record, string why) =>
        new(record.Scenario, 0, MinStepSeconds, 0, [], [], [.. record.Events.Select(e => new ReportEvent(e.Kind, e.StartSeconds, e.EndSeconds, e.Agents, e.Summary))], [], ["no bird's-eye view: " + why + "."]);

    private static ICandidate? Find(Suite suite, ComparedRun side)
    {
        var found = suite.Catalog.Candidates.FirstOrDefault(c => c.Id.Value == side.Candidate);
        return found is not null && found.Fingerprint == side.Fingerprint ? found : null;
    }

    private ReportScene Scene(Suite suite, CaseRecord record, ICandidate candidate, ICandidate? baseline, string baselineId)
    {
        var spec = suite.Load(record.ScenarioFile);
        string log = spec.LogPath(suite.Folder);
        if (!_scenes.TryGetValue(log, out var scene))
        {
            scene = _importers.Import(log);
            _scenes[log] = scene;
        }

        var drive = candidate.Drive(spec, scene);
        var ego = drive.EgoTrack;
        var time = drive.Scene.TimeBase;
        int stride = Math.Max(1, (int)Math.Ceiling((MinStepSeconds / time.StepSeconds) - 1e-9));
        var notes = new List<string>();

        var agents = new List<ReportAgent> { Agent(ego, "ego", stride) };
        if (baseline is null)
        {
            notes.Add($"baseline '{baselineId}' is not overlaid: its configuration in the suite no longer has the fingerprint its run recorded");
        }
        else
        {
            var baseEgo = baseline.Drive(spec, scene).EgoTrack;
            agents.Add(Agent(baseEgo, "baseline-ego", stride));
        }

        var egoPoints = ego.States.ToArray();
        foreach (var track in drive.Scene.Tracks)
        {
            if (track.Id == ego.Id || !Near(track, ego, egoPoints))
            {
                continue;
            }

            agents.Add(Agent(track, "agent", stride));
        }

        double minX = egoPoints.Min(s => s.X) - LaneMarginMetres, maxX = egoPoints.Max(s => s.X) + LaneMarginMetres;
        double minY = egoPoints.Min(s => s.Y) - LaneMarginMetres, maxY = egoPoints.Max(s => s.Y) + LaneMarginMetres;
        var lanes = drive.Scene.Lanes.Lanes
            .Where(l => l.Centerline.Concat(l.LeftBound).Any(p => p.X >= minX && p.X <= maxX && p.Y >= minY && p.Y <= maxY))
            .Select(l => new ReportLane(l.Id.ToString(), Flat(l.LeftBound), Flat(l.RightBound)))
            .ToList();

        var events = record.Events.Select(e => new ReportEvent(e.Kind, e.StartSeconds, e.EndSeconds, e.Agents, e.Summary)).ToList();
        int frames = ((time.FrameCount - 1) / stride) + 1;
        return new ReportScene(record.Scenario, time.StartSeconds, time.StepSeconds * stride, frames, lanes, agents, events, DriveSeries.For(spec, drive, events), notes);
    }

    private static bool Near(Track track, Track ego, AgentState[] egoStates)
    {
        var states = track.States;
        for (int i = 0; i < states.Length; i++)
        {
            int egoIndex = track.FirstFrame + i - ego.FirstFrame;
            if (egoIndex >= 0 && egoIndex < egoStates.Length)
            {
                double dx = states[i].X - egoStates[egoIndex].X, dy = states[i].Y - egoStates[egoIndex].Y;
                if ((dx * dx) + (dy * dy) <= NearMetres * NearMetres)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReportAgent Agent(Track track, string role, int stride)
    {
        // Frames on the thinned grid: scene frame f is shown when f % stride == 0.
        int first = ((track.FirstFrame + stride - 1) / stride) * stride;
        var states = new List<double>();
        for (int f = first; f <= track.LastFrame; f += stride)
        {
            var s = track.StateAt(f);
            states.Add(Math.Round(s.X, 2));
            states.Add(Math.Round(s.Y, 2));
            states.Add(Math.Round(s.Heading, 3));
        }

        return new ReportAgent(track.Id.Value, track.Kind.ToString().ToLowerInvariant(), role, track.Size.Length, track.Size.Width, first / stride, states);
    }

    private static List<double> Flat(IReadOnlyList<Geometry.Point2> points)
    {
        var flat = new List<double>(points.Count * 2);
        foreach (var p in points)
        {
            flat.Add(Math.Round(p.X, 2));
            flat.Add(Math.Round(p.Y, 2));
        }

        return flat;
    }
}
