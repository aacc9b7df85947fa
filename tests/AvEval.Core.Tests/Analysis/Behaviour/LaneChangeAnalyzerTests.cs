using AvEval.Analysis;
using AvEval.Analysis.Behaviour;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class LaneChangeAnalyzerTests
{
    [Fact]
    public void Analyze_JitterAtTheBoundaryThenLeftLane_CountsOnce()
    {
        // Frames 0..9 in R (y = 0); 10..13 flicker across y = 1.85 (L, R, L, R); 14..29 in L (y = 3.7).
        // The single-frame L runs at 10 and 12 never hold 5 frames (0.5 s); the run from 14 does: entry 1.4 s,
        // confirmed at frame 18, so the event is [1.4, 1.9).
        static double Y(int k) => k < 10 ? 0 : k < 14 ? (k % 2 == 0 ? 1.9 : 1.8) : 3.7;
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 30, k => 2.0 * k, Y, _ => 20).Build(), "ego");

        var evaluation = new LaneChangeAnalyzer().Analyze(drive);

        evaluation.Metric(LaneChangeAnalyzer.LaneChangeCount).Value.ShouldBe(1);
        var e = evaluation.EventsOf(EventKind.LaneChange).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(1.4, 1e-9);
        e.EndSeconds.ShouldBe(1.9, 1e-9);
        e.Evidence["to_left_bool"].ShouldBe(1);
        e.Summary.ShouldBe("The ego changed left from lane R to lane L at 1.4 s.");
    }

    [Fact]
    public void Analyze_ThereAndBack_CountsTwo()
    {
        static double Y(int k) => k is >= 10 and < 20 ? 3.7 : 0;
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 30, k => 2.0 * k, Y, _ => 20).Build(), "ego");

        var evaluation = new LaneChangeAnalyzer().Analyze(drive);

        evaluation.Metric(LaneChangeAnalyzer.LaneChangeCount).Value.ShouldBe(2);
        evaluation.EventsOf(EventKind.LaneChange).Select(e => e.Evidence["to_left_bool"]).ShouldBe([1.0, 0.0]);
    }

    [Fact]
    public void Analyze_NoLaneMap_CountWithoutValue()
    {
        var drive = RoadBuilder.DriveOf(RoadBuilder.NoLanes().Vehicle("ego", 10, k => k, _ => 0, _ => 10).Build(), "ego");

        var evaluation = new LaneChangeAnalyzer().Analyze(drive);

        evaluation.Metric(LaneChangeAnalyzer.LaneChangeCount).Value.ShouldBeNull();
        evaluation.Metric(LaneChangeAnalyzer.LaneChangeCount).Reason.ShouldBe("the scene has no lane map");
    }
}
