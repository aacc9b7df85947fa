using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanDrivingDirectionAnalyzerTests
{
    [Fact]
    public void Analyze_Reversing3MetresPerSecondWithoutLanes_HalfScoreAndEvent()
    {
        // Heading 0, moving −x at 3 m/s, 21 frames of 0.1 s: each step −0.3 m along the heading. nuPlan's window is
        // progress[i − 10 : i + 1], 11 steps, so it reaches 11 · −0.3 = −3.3 m: ≥ 2 m and < 6 m backward → 0.5. The
        // window first reaches −2 m at frame 7 (−2.1 m) and stays there to the end (2.0 s + one step).
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, -3, 0, 21, 0.1)));

        var e = new NuPlanDrivingDirectionAnalyzer().Analyze(drive);

        e.Metric(NuPlanDrivingDirectionAnalyzer.Score).Value.ShouldBe(0.5);
        e.Metric(NuPlanDrivingDirectionAnalyzer.MinProgress).Value!.Value.ShouldBe(-3.3, 1e-9);
        var backward = e.EventsOf(EventKind.DrivingBackward).ShouldHaveSingleItem();
        backward.StartSeconds.ShouldBe(0.7, 1e-9);
        backward.EndSeconds.ShouldBe(2.1, 1e-9);
        backward.Evidence["min_progress_m"].ShouldBe(-3.3, 1e-9);
    }

    [Fact]
    public void Analyze_DrivingForward_ScoreOneAndNoEvent()
    {
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 10, 0, 21, 0.1)));

        var e = new NuPlanDrivingDirectionAnalyzer().Analyze(drive);

        e.Metric(NuPlanDrivingDirectionAnalyzer.Score).Value.ShouldBe(1.0);
        e.Metric(NuPlanDrivingDirectionAnalyzer.MinProgress).Value.ShouldBe(0.0);
        e.EventsOf(EventKind.DrivingBackward).ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_ForwardAgainstTheLaneDirection_ScoreZero()
    {
        // Heading π, moving −x at 7 m/s in a lane drawn towards +x: the lane's centreline is the baseline, so each
        // step is −0.7 m of arc length and nuPlan's 11-step window −7.7 m (≥ 6 m backward → 0). The heading alone would
        // see none.
        var states = Straight(20, -7, 0, 21, 0.1).Select(s => s with { Heading = Math.PI }).ToArray();
        var drive = WithLanes(Drive(0.1, Vehicle(Ego, states)), Lane("A", -50, 50, []));

        var e = new NuPlanDrivingDirectionAnalyzer().Analyze(drive);

        e.Metric(NuPlanDrivingDirectionAnalyzer.Score).Value.ShouldBe(0.0);
        e.Metric(NuPlanDrivingDirectionAnalyzer.MinProgress).Value!.Value.ShouldBe(-7.7, 1e-9);
    }

    [Fact]
    public void Analyze_ReversingAcrossTheStartOfASuccessorLane_AccumulatesAcrossTheBoundary()
    {
        // Lane A runs x −50..0, its successor B 0..50. Reversing at 3 m/s from x = 1.5 to −1.5 in 1 s crosses from B
        // into A in 10 steps of −0.3 m; the step across is measured on A's centreline, so the window holds the full
        // −3 m → 0.5 (nuPlan's reset at the lane boundary would drop that step and the next).
        var drive = WithLanes(Drive(0.1, Vehicle(Ego, Straight(1.5, -3, 0, 11, 0.1))), Lane("A", -50, 0, ["B"]), Lane("B", 0, 50, []));

        var e = new NuPlanDrivingDirectionAnalyzer().Analyze(drive);

        e.Metric(NuPlanDrivingDirectionAnalyzer.MinProgress).Value!.Value.ShouldBe(-3.0, 1e-9);
        e.Metric(NuPlanDrivingDirectionAnalyzer.Score).Value.ShouldBe(0.5);
    }

    private static Lane Lane(string id, double x0, double x1, string[] successors) => new(
        new LaneId(id),
        [new Point2(x0, 1.85), new Point2(x1, 1.85)],
        [new Point2(x0, -1.85), new Point2(x1, -1.85)],
        [new Point2(x0, 0), new Point2(x1, 0)],
        [],
        [.. successors.Select(s => new LaneId(s))],
        null,
        null);

    private static Drive WithLanes(Drive drive, params Lane[] lanes) =>
        new(new Scene(drive.Scene.Id, drive.Scene.TimeBase, drive.Scene.Tracks, new LaneGraph(lanes), drive.Scene.Provenance), drive.Ego);
}
