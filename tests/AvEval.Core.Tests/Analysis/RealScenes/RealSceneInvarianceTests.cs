using AvEval.Analysis;
using AvEval.Geometry;
using AvEval.Scenes;
using CsCheck;

namespace AvEval.Tests.Analysis.RealScenes;

/// <summary>
/// Properties of <see cref="RuleAnalysis.CreateDefault"/> on real scenes: a rigid motion of everything (tracks and lane
/// graph) changes no metric beyond 1e-6 relative and no event; reversing the track order and renaming every track
/// through a bijection changes only the ids.
/// </summary>
public sealed class RealSceneInvarianceTests
{
    private const double Relative = 1e-6;

    // A handful of egos per scene, chosen to cover leads, a cut-in, a lane change and finite nuPlan TTC (see
    // IndependentCalculationTests); the GPL scene's egos are its first vehicles.
    public static TheoryData<string, string[]> Drives() => new()
    {
        { InRepoScenes.Us101, ["363", "394", "395", "400", "401"] },
        { InRepoScenes.Peach, ["520", "560", "566"] },
        { "ngsim-gpl/USA_US101-22_1_T-1", [] },
    };

    [Theory]
    [MemberData(nameof(Drives))]
    public void Analyze_RigidMotionOfTracksAndLanes_ChangesNoMetricOrEvent(string sceneName, string[] egos)
    {
        var scene = InRepoScenes.Load(sceneName);
        var chosen = Egos(scene, egos);
        var baseline = chosen.Select(e => RuleAnalysis.CreateDefault().Analyze(new Drive(scene, e))).ToList();

        Gen.Select(Gen.Double[-Math.PI, Math.PI], Gen.Double[-10_000, 10_000], Gen.Double[-10_000, 10_000])
            .Sample((theta, dx, dy) =>
            {
                var moved = Move(scene, theta, dx, dy);
                for (int i = 0; i < chosen.Count; i++)
                {
                    AssertSame(baseline[i], RuleAnalysis.CreateDefault().Analyze(new Drive(moved, chosen[i])), id => id);
                }
            }, iter: 3, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Drives))]
    public void Analyze_TracksReversedAndIdsPermuted_ChangesOnlyTheIds(string sceneName, string[] egos)
    {
        var scene = InRepoScenes.Load(sceneName);
        var chosen = Egos(scene, egos);
        var baseline = chosen.Select(e => RuleAnalysis.CreateDefault().Analyze(new Drive(scene, e))).ToList();

        // Bijection: the ids in ordinal order, each mapped to the next one (the last to the first), so every renamed
        // track carries an id another track had before.
        var ids = scene.Tracks.Select(t => t.Id).OrderBy(id => id.Value, StringComparer.Ordinal).ToList();
        var map = ids.Select((id, i) => (id, next: ids[(i + 1) % ids.Count])).ToDictionary(p => p.id, p => p.next);
        var renamed = new Scene(
            scene.Id,
            scene.TimeBase,
            scene.Tracks.Reverse().Select(t => new Track(map[t.Id], t.Kind, t.SourceType, t.Size, t.FirstFrame, t.States.ToArray(), t.HasAcceleration)),
            scene.Lanes,
            scene.Provenance);

        for (int i = 0; i < chosen.Count; i++)
        {
            var result = RuleAnalysis.CreateDefault().Analyze(new Drive(renamed, map[chosen[i]]));

            result.Ego.ShouldBe(map[chosen[i]]);
            AssertSame(baseline[i], result, id => map[id]);
        }
    }

    private static List<TrackId> Egos(Scene scene, string[] egos) => egos.Length > 0
        ? [.. egos.Select(e => new TrackId(e))]
        : [.. scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Take(4).Select(t => t.Id)];

    private static void AssertSame(Evaluation expected, Evaluation actual, Func<TrackId, TrackId> mapId)
    {
        actual.Metrics.Select(m => m.Name).ShouldBe(expected.Metrics.Select(m => m.Name));
        foreach (var metric in expected.Metrics)
        {
            var value = actual.Metric(metric.Name).Value;
            string what = $"ego {expected.Ego}, {metric.Name}";
            if (metric.Value is not { } v || !double.IsFinite(v))
            {
                value.ShouldBe(metric.Value, what);
            }
            else
            {
                value.ShouldNotBeNull(what);
                value.Value.ShouldBe(v, Relative * Math.Max(1, Math.Abs(v)), what);
            }
        }

        var expectedEvents = Ordered(expected.Events, mapId);
        var actualEvents = Ordered(actual.Events, id => id);
        actualEvents.Count.ShouldBe(expectedEvents.Count, $"ego {expected.Ego}: events");
        for (int e = 0; e < expectedEvents.Count; e++)
        {
            var (x, y) = (expectedEvents[e], actualEvents[e]);
            string what = $"ego {expected.Ego}, event {x.Kind} at {x.StartSeconds} s";
            y.Kind.ShouldBe(x.Kind, what);
            y.StartSeconds.ShouldBe(x.StartSeconds, 1e-9, what);
            y.EndSeconds.ShouldBe(x.EndSeconds, 1e-9, what);
            y.Agents.ShouldBe(x.Agents, what);
            y.Evidence.Keys.Order(StringComparer.Ordinal).ShouldBe(x.Evidence.Keys.Order(StringComparer.Ordinal), what);
            foreach (var (key, v) in x.Evidence)
            {
                if (double.IsFinite(v))
                {
                    y.Evidence[key].ShouldBe(v, Relative * Math.Max(1, Math.Abs(v)), $"{what}, {key}");
                }
                else
                {
                    y.Evidence[key].ShouldBe(v, $"{what}, {key}");
                }
            }
        }
    }

    // Events with the same start may come out in track order, which the renaming changes: compare them sorted.
    private static List<DrivingEvent> Ordered(IEnumerable<DrivingEvent> events, Func<TrackId, TrackId> mapId) =>
    [
        .. events
            .Select(e => e with { Agents = [.. e.Agents.Select(mapId)] })
            .OrderBy(e => e.Kind.Name, StringComparer.Ordinal)
            .ThenBy(e => Math.Round(e.StartSeconds, 6))
            .ThenBy(e => Math.Round(e.EndSeconds, 6))
            .ThenBy(e => string.Join(",", e.Agents.Select(a => a.Value)), StringComparer.Ordinal),
    ];

    private static Scene Move(Scene scene, double theta, double dx, double dy)
    {
        double c = Math.Cos(theta), s = Math.Sin(theta);
        Point2 P(Point2 p) => new((c * p.X) - (s * p.Y) + dx, (s * p.X) + (c * p.Y) + dy);
        (double X, double Y) V(double x, double y) => ((c * x) - (s * y), (s * x) + (c * y));
        var tracks = scene.Tracks.Select(t => new Track(t.Id, t.Kind, t.SourceType, t.Size, t.FirstFrame, [.. t.States.ToArray().Select(st =>
        {
            var p = P(new Point2(st.X, st.Y));
            var v = V(st.Vx, st.Vy);
            var a = V(st.Ax, st.Ay);
            return new AgentState(p.X, p.Y, st.Heading + theta, v.X, v.Y, a.X, a.Y);
        })], t.HasAcceleration));
        var lanes = scene.Lanes.Lanes.Select(l => l with
        {
            LeftBound = [.. l.LeftBound.Select(P)],
            RightBound = [.. l.RightBound.Select(P)],
            Centerline = [.. l.Centerline.Select(P)],
        });
        return new Scene(scene.Id, scene.TimeBase, tracks, new LaneGraph(lanes), scene.Provenance, scene.RecordedEgo);
    }
}
