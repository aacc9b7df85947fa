using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class LaneKeepingAnalyzerTests
{
    private static Drive OffsetFor(int frames) =>
        RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 40, k => 2.0 * k, k => k < frames ? 0.6 : 0, _ => 20).Build(), "ego");

    [Fact]
    public void Analyze_OffsetAboveLimitFor2Seconds_ScoresZero()
    {
        // 0.6 m > 0.5 m for frames 0..19 = 20 frames = ⌈2.0 / 0.1⌉.
        var evaluation = new LaneKeepingAnalyzer().Analyze(OffsetFor(20));

        evaluation.Metric(LaneKeepingAnalyzer.LaneKeepingNavsimScore).Value.ShouldBe(0);
        evaluation.Metric(LaneKeepingAnalyzer.LaneOffsetNavsimMax).Value!.Value.ShouldBe(0.6, 1e-9);
        var e = evaluation.EventsOf(EventKind.LaneDeviation).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(0);
        e.EndSeconds.ShouldBe(2.0, 1e-9);
    }

    [Fact]
    public void Analyze_OffsetAboveLimitOneFrameShort_ScoresOne()
    {
        var evaluation = new LaneKeepingAnalyzer().Analyze(OffsetFor(19));

        evaluation.Metric(LaneKeepingAnalyzer.LaneKeepingNavsimScore).Value.ShouldBe(1);
        evaluation.EventsOf(EventKind.LaneDeviation).ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_IntersectionBetweenTwoShortDeviations_BridgesThemAsNavsimDoes()
    {
        // Lane R is cut into R1 (x < 20), an intersection lanelet X (20 ≤ x < 40) and R2 (x ≥ 40); ego at 2 m per frame.
        // Frames 0..9 (x 0..18): offset 0.6; frames 10..19 (x 20..38, in X): on the centreline; frames 20..29
        // (x 40..58): offset 0.6. NAVSIM skips intersection poses without resetting: 10 + 10 = 20 consecutive → 0.
        var r1 = RoadBuilder.Straight("R1", 0, null, null, x1: 20, successors: [new LaneId("X")]);
        var x = RoadBuilder.Straight("X", 0, null, null, x0: 20, x1: 40, predecessors: [new LaneId("R1")], successors: [new LaneId("R2")]) with { IsIntersection = true };
        var r2 = RoadBuilder.Straight("R2", 0, null, null, x0: 40, predecessors: [new LaneId("X")]);
        var scene = RoadBuilder.NoLanes().WithLanes(r1, x, r2)
            .Vehicle("ego", 30, k => 2.0 * k, k => k is >= 10 and < 20 ? 0 : 0.6, _ => 20)
            .Build();

        var evaluation = new LaneKeepingAnalyzer().Analyze(RoadBuilder.DriveOf(scene, "ego"));

        evaluation.Metric(LaneKeepingAnalyzer.LaneKeepingNavsimScore).Value.ShouldBe(0);
        var e = evaluation.EventsOf(EventKind.LaneDeviation).ShouldHaveSingleItem();
        e.Evidence["frames_count"].ShouldBe(20);
        e.StartSeconds.ShouldBe(0);
        e.EndSeconds.ShouldBe(3.0, 1e-9);
    }

    [Fact]
    public void Analyze_NeverInALane_ScoreWithoutValue()
    {
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 10, k => k, _ => 20, _ => 10).Build(), "ego");

        var evaluation = new LaneKeepingAnalyzer().Analyze(drive);

        evaluation.Metric(LaneKeepingAnalyzer.LaneKeepingNavsimScore).Value.ShouldBeNull();
        evaluation.Metric(LaneKeepingAnalyzer.LaneKeepingNavsimScore).Reason.ShouldBe("the ego was never in a lane outside an intersection");
    }
}
