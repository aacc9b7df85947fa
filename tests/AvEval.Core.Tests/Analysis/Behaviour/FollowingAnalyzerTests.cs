using AvEval.Analysis;
using AvEval.Analysis.Behaviour;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class FollowingAnalyzerTests
{
    // Ego at 20 m/s from x = 0, lead at 15 m/s from x = 30 (centre to centre), 4 m boxes, 11 frames (1 s) in lane R.
    // gap(k) = 30 − 0.5 k − 4 = 26 − 0.5 k m (closing 5 m/s = 0.5 m per frame); frame 10: 21 m.
    // thw(k) = gap / 20: min 21 / 20 = 1.05 s; mean = (26 − 0.5 · 5) / 20 = 23.5 / 20 = 1.175 s.
    // ttc(k) = gap / 5: min 21 / 5 = 4.2 s. A closer car in lane L (x = 10, y = 3.7) is beside, not ahead in the lane.
    private static RoadBuilder ClosingOn(RoadBuilder road) => road
        .Vehicle("ego", 11, k => 2.0 * k, _ => 0, _ => 20)
        .Vehicle("lead", 11, k => 30 + (1.5 * k), _ => 0, _ => 15)
        .Vehicle("beside", 11, k => 10 + (2.0 * k), _ => 3.7, _ => 20);

    [Fact]
    public void Analyze_ClosingOnSlowerLead_GivesHandComputedGapHeadwayAndTtc()
    {
        var drive = RoadBuilder.DriveOf(ClosingOn(RoadBuilder.TwoLanes()).Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        evaluation.Metric(FollowingAnalyzer.GapLeadMin).Value!.Value.ShouldBe(21, 1e-9);
        evaluation.Metric(FollowingAnalyzer.ThwGapMin).Value!.Value.ShouldBe(1.05, 1e-9);
        evaluation.Metric(FollowingAnalyzer.ThwGapMean).Value!.Value.ShouldBe(1.175, 1e-9);
        evaluation.Metric(FollowingAnalyzer.TtcFollowingMin).Value!.Value.ShouldBe(4.2, 1e-9);
        evaluation.Metric(FollowingAnalyzer.ThwGapMin).Unit.ShouldBe(Unit.Second);
        evaluation.Metric(FollowingAnalyzer.ThwGapMin).Definition.ShouldContain("gap / ego speed");
    }

    [Fact]
    public void Analyze_FirstFrame_GapIs26AndThwIs1point3()
    {
        // Frame 0: centres 30 m apart, 4 m boxes → 26 m; 26 / 20 = 1.3 s.
        var drive = RoadBuilder.DriveOf(ClosingOn(RoadBuilder.TwoLanes()).Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        evaluation.Series.Single(s => s.Name == "gap.lead").Values[0].ShouldBe(26, 1e-9);
        evaluation.Series.Single(s => s.Name == "thw.gap").Values[0].ShouldBe(1.3, 1e-9);
    }

    [Fact]
    public void Analyze_NoLaneMap_CorridorFallbackGivesTheSameNumbers()
    {
        // Without lanes the lead is found within 1.85 m of the ego's heading line; the car 3.7 m to the side is outside.
        var drive = RoadBuilder.DriveOf(ClosingOn(RoadBuilder.NoLanes()).Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        evaluation.Metric(FollowingAnalyzer.GapLeadMin).Value!.Value.ShouldBe(21, 1e-9);
        evaluation.Metric(FollowingAnalyzer.TtcFollowingMin).Value!.Value.ShouldBe(4.2, 1e-9);
    }

    [Fact]
    public void Analyze_NoLead_TtcInfiniteAndGapWithoutValue()
    {
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 5, k => 2.0 * k, _ => 0, _ => 20).Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        evaluation.Metric(FollowingAnalyzer.GapLeadMin).Value.ShouldBeNull();
        evaluation.Metric(FollowingAnalyzer.GapLeadMin).Reason.ShouldBe("the ego had no lead vehicle at any frame");
        evaluation.Metric(FollowingAnalyzer.TtcFollowingMin).Value.ShouldBe(double.PositiveInfinity);
        evaluation.Metric(FollowingAnalyzer.ThwGapMin).Value.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Analyze_StandingEgo_HeadwayUndefined()
    {
        // 0.2 m/s is below the 0.5 m/s minimum speed for headway.
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes()
            .Vehicle("ego", 5, _ => 0, _ => 0, _ => 0.2)
            .Vehicle("lead", 5, _ => 10, _ => 0, _ => 0)
            .Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        evaluation.Metric(FollowingAnalyzer.ThwGapMin).Value.ShouldBeNull();
        evaluation.Metric(FollowingAnalyzer.GapLeadMin).Value!.Value.ShouldBe(6, 1e-9);
    }

    [Fact]
    public void Analyze_ShortHeadwayForTwoSeconds_OneEventWithThwEvidence()
    {
        // Both at 20 m/s, centres 20 m apart: gap 16 m, THW 0.8 s < 1.0 s for all 20 frames (2 s ≥ 1 s).
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes()
            .Vehicle("ego", 20, k => 2.0 * k, _ => 0, _ => 20)
            .Vehicle("lead", 20, k => 20 + (2.0 * k), _ => 0, _ => 20)
            .Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        var e = evaluation.EventsOf(EventKind.ShortHeadway).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(0);
        e.EndSeconds.ShouldBe(2.0, 1e-9);
        e.Evidence["thw_gap_min_s"].ShouldBe(0.8, 1e-9);
        e.Agents.ShouldBe([new Scenes.TrackId("lead")]);
        evaluation.EventsOf(EventKind.LowTimeToCollision).ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_FastClosing_LowTtcEventSaysTtcFollowing()
    {
        // Ego 20 m/s, lead standing 20 m ahead (centres): gap(k) = 16 − 2k, ttc = gap / 20 m/s;
        // frame 0: 0.8 s < 1.5 s. Frames 0..7 (gap 16..2 m) all below; min at frame 7: 2 / 20 = 0.1 s.
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes()
            .Vehicle("ego", 8, k => 2.0 * k, _ => 0, _ => 20)
            .Vehicle("lead", 8, _ => 20, _ => 0, _ => 0)
            .Build(), "ego");

        var evaluation = new FollowingAnalyzer().Analyze(drive);

        var e = evaluation.EventsOf(EventKind.LowTimeToCollision).ShouldHaveSingleItem();
        e.Evidence["ttc_following_min_s"].ShouldBe(0.1, 1e-9);
        e.Summary.ShouldContain("ttc.following");
        evaluation.Metric(FollowingAnalyzer.TtcFollowingMin).Value!.Value.ShouldBe(0.1, 1e-9);
    }
}
