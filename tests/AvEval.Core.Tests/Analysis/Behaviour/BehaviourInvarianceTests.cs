using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Geometry;
using AvEval.Scenes;
using CsCheck;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class BehaviourInvarianceTests
{
    // One scene exercising every analyzer: the ego closes on a slower lead, brakes hard (speed ramp −4 m/s² over
    // frames 20..40), a vehicle cuts in from the left 15.3 m ahead at frame 10, and the ego drifts 0.7 m off centre.
    // No signal sits exactly on a bound (a first version had THW exactly 1.0 s at frame 20, and rotation rounding moved
    // the end of the short_headway event by a frame: thresholds are strict, so knife-edge inputs are avoided here).
    private static Scene Busy()
    {
        static double EgoSpeed(int k) => k <= 20 ? 20 : k >= 40 ? 12 : 20 - (0.4 * (k - 20));
        return RoadBuilder.TwoLanes()
            .Vehicle("ego", 60, k => 2.0 * k, k => k is >= 30 and < 55 ? 0.7 : 0.1, EgoSpeed)
            .Vehicle("cutter", 60, k => 14.3 + (2.5 * k), k => k < 10 ? 3.7 : 0.2, _ => 25)
            .Vehicle("lead", 60, k => 60 + (1.5 * k), _ => -0.3, _ => 15)
            .Vehicle("other", 60, k => -20 + (2.2 * k), _ => 3.5, _ => 22)
            .Build();
    }

    private static IDriveAnalyzer[] Analyzers() =>
        [new FollowingAnalyzer(), new HardBrakingAnalyzer(), new LaneChangeAnalyzer(), new CutInAnalyzer(), new LaneKeepingAnalyzer()];

    private static Evaluation[] AnalyzeAll(Scene scene, string ego) =>
        [.. Analyzers().Select(a => a.Analyze(new Drive(scene, new TrackId(ego))))];

    [Fact]
    public void Busy_BaseScene_HasSomethingForEveryAnalyzer()
    {
        // Guards the invariance tests below against comparing empty results.
        var results = AnalyzeAll(Busy(), "ego");

        results.SelectMany(r => r.Events).Select(e => e.Kind.Name).Distinct().Order().ShouldBe(["cut_in", "hard_braking", "lane_deviation", "short_headway"]);
    }

    [Fact]
    public void Analyze_RigidMotionOfTheWholeScene_ChangesNoMetricOrEventTime()
    {
        var baseline = AnalyzeAll(Busy(), "ego");

        Gen.Select(Gen.Double[-Math.PI, Math.PI], Gen.Double[-5000, 5000], Gen.Double[-5000, 5000])
            .Sample((theta, dx, dy) =>
            {
                var moved = AnalyzeAll(Move(Busy(), theta, dx, dy), "ego");
                for (int a = 0; a < baseline.Length; a++)
                {
                    AssertSame(baseline[a], moved[a], 1e-6, id => id);
                }
            }, iter: 40);
    }

    [Fact]
    public void Analyze_TracksReversedAndRenamed_ChangesOnlyTheIdsInEvents()
    {
        var baseline = AnalyzeAll(Busy(), "ego");
        var scene = Busy();
        var renamed = new Scene(
            scene.Id,
            scene.TimeBase,
            scene.Tracks.Reverse().Select(t => new Track(new TrackId("v-" + t.Id.Value), t.Kind, t.SourceType, t.Size, t.FirstFrame, t.States.ToArray(), t.HasAcceleration)),
            scene.Lanes,
            scene.Provenance);

        var results = AnalyzeAll(renamed, "v-ego");

        for (int a = 0; a < baseline.Length; a++)
        {
            AssertSame(baseline[a], results[a], 0, id => new TrackId("v-" + id.Value));
        }
    }

    private static void AssertSame(Evaluation expected, Evaluation actual, double tolerance, Func<TrackId, TrackId> mapId)
    {
        actual.Metrics.Count.ShouldBe(expected.Metrics.Count);
        foreach (var metric in expected.Metrics)
        {
            var value = actual.Metric(metric.Name).Value;
            if (metric.Value is not { } v || double.IsInfinity(v))
            {
                value.ShouldBe(metric.Value, metric.Name);
            }
            else
            {
                value!.Value.ShouldBe(v, tolerance, metric.Name);
            }
        }

        actual.Events.Count.ShouldBe(expected.Events.Count);
        for (int e = 0; e < expected.Events.Count; e++)
        {
            actual.Events[e].Kind.ShouldBe(expected.Events[e].Kind);
            actual.Events[e].StartSeconds.ShouldBe(expected.Events[e].StartSeconds, 1e-9);
            actual.Events[e].EndSeconds.ShouldBe(expected.Events[e].EndSeconds, 1e-9);
            actual.Events[e].Agents.ShouldBe([.. expected.Events[e].Agents.Select(mapId)]);
        }
    }

    private static Scene Move(Scene scene, double theta, double dx, double dy)
    {
        double c = Math.Cos(theta), s = Math.Sin(theta);
        Point2 P(Point2 p) => new((c * p.X) - (s * p.Y) + dx, (s * p.X) + (c * p.Y) + dy);
        (double, double) V(double x, double y) => ((c * x) - (s * y), (s * x) + (c * y));
        var tracks = scene.Tracks.Select(t => new Track(t.Id, t.Kind, t.SourceType, t.Size, t.FirstFrame, [.. t.States.ToArray().Select(st =>
        {
            var p = P(new Point2(st.X, st.Y));
            var (vx, vy) = V(st.Vx, st.Vy);
            var (ax, ay) = V(st.Ax, st.Ay);
            return new AgentState(p.X, p.Y, st.Heading + theta, vx, vy, ax, ay);
        })], t.HasAcceleration));
        var lanes = scene.Lanes.Lanes.Select(l => l with
        {
            LeftBound = [.. l.LeftBound.Select(P)],
            RightBound = [.. l.RightBound.Select(P)],
            Centerline = [.. l.Centerline.Select(P)],
        });
        return new Scene(scene.Id, scene.TimeBase, tracks, new LaneGraph(lanes), scene.Provenance);
    }
}
