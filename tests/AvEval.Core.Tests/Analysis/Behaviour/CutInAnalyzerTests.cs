using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class CutInAnalyzerTests
{
    // Ego in R at 20 m/s from x = 0. Cutter at 25 m/s from x = 14: in L (y = 3.7) for frames 0..9, in R (y = 0) from
    // frame 10. Centre distance at frame k: 14 + 0.5 k; at entry (frame 10): 19 m, so the gap is 19 − 4 = 15 m.
    // Before entry the ego has no lead: THW +∞, so the recovery target is the 2 s bound. After entry
    // THW(k) = (10 + 0.5 k) / 20 ≥ 2 from k = 60: recovery 5.0 s after entry. The ego drives at constant speed, so its
    // smallest acceleration over the 3 s reaction window is 0. The 0.5 s hold is frames 10..14, confirmed at frame 14, so
    // the event spans the half-open [1.0 s, 1.5 s).
    public static Scene CutInScene(int frames = 80, double cutterStartX = 14) => RoadBuilder.TwoLanes()
        .Vehicle("ego", frames, k => 2.0 * k, _ => 0, _ => 20)
        .Vehicle("cutter", frames, k => cutterStartX + (2.5 * k), k => k < 10 ? 3.7 : 0, _ => 25)
        .Build();

    [Fact]
    public void Analyze_VehicleMovesIntoEgoLane15mAhead_OneCutInWithHandComputedEvidence()
    {
        var drive = RoadBuilder.DriveOf(CutInScene(), "ego");

        var evaluation = new CutInAnalyzer().Analyze(drive);

        evaluation.Metric(CutInAnalyzer.CutInCount).Value.ShouldBe(1);
        evaluation.Metric(CutInAnalyzer.CutInGapAtEntryMin).Value!.Value.ShouldBe(15, 1e-9);
        var e = evaluation.EventsOf(EventKind.CutIn).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(1.0, 1e-9);
        e.EndSeconds.ShouldBe(1.5, 1e-9);
        e.Agents.ShouldBe([new TrackId("cutter")]);
        e.Evidence["gap_at_entry_m"].ShouldBe(15, 1e-9);
        e.Evidence["from_left_bool"].ShouldBe(1);
        e.Evidence["ego_min_accel_lon_mps2"].ShouldBe(0, 1e-9);
        e.Evidence["thw_target_s"].ShouldBe(2.0);
        e.Evidence["thw_recovered_bool"].ShouldBe(1);
        e.Evidence["thw_recovery_s"].ShouldBe(5.0, 1e-9);
        e.Evidence.ContainsKey("thw_before_s").ShouldBeFalse();
    }

    [Fact]
    public void Analyze_EgoFollowingALeadBeforeTheCutIn_TargetIsTheThwOfTheFrameBeforeEntry()
    {
        // As CutInScene, plus a lead in R at 19 m/s from x = 44: centre distance 44 − 0.1 k, gap 40 − 0.1 k, so
        // THW(k) = (40 − 0.1 k) / 20. The frame before entry is 9: THW 39.1 / 20 = 1.955 s (frame 8 would give 1.96 s,
        // frame 10 the cutter's 15 / 20 = 0.75 s). The target is min(1.955, 2) = 1.955 s.
        var scene = RoadBuilder.TwoLanes()
            .Vehicle("ego", 80, k => 2.0 * k, _ => 0, _ => 20)
            .Vehicle("cutter", 80, k => 14 + (2.5 * k), k => k < 10 ? 3.7 : 0, _ => 25)
            .Vehicle("lead", 80, k => 44 + (1.9 * k), _ => 0, _ => 19)
            .Build();

        var evaluation = new CutInAnalyzer().Analyze(RoadBuilder.DriveOf(scene, "ego"));

        var e = evaluation.EventsOf(EventKind.CutIn).ShouldHaveSingleItem();
        e.Evidence["gap_at_entry_m"].ShouldBe(15, 1e-9);
        e.Evidence["thw_before_s"].ShouldBe(1.955, 1e-9);
        e.Evidence["thw_target_s"].ShouldBe(1.955, 1e-9);
    }

    [Fact]
    public void Analyze_SceneEndsBeforeThwRecovers_SaysSoWithoutANumber()
    {
        // Same cut-in, but the scene ends at frame 49 (THW 1.725 s < 2 s).
        var drive = RoadBuilder.DriveOf(CutInScene(frames: 50), "ego");

        var evaluation = new CutInAnalyzer().Analyze(drive);

        var e = evaluation.EventsOf(EventKind.CutIn).ShouldHaveSingleItem();
        e.Evidence["thw_recovered_bool"].ShouldBe(0);
        e.Evidence.ContainsKey("thw_recovery_s").ShouldBeFalse();
        e.Summary.ShouldEndWith("THW did not recover to 2 s before the ego's track ends.");
    }

    [Fact]
    public void Analyze_EntryFartherThanMaxGap_IsNoCutIn()
    {
        // Cutter from x = 34: centre distance at entry 39 m, gap 35 m > 30 m.
        var drive = RoadBuilder.DriveOf(CutInScene(cutterStartX: 34), "ego");

        var evaluation = new CutInAnalyzer().Analyze(drive);

        evaluation.Metric(CutInAnalyzer.CutInCount).Value.ShouldBe(0);
        evaluation.Metric(CutInAnalyzer.CutInGapAtEntryMin).Value.ShouldBeNull();
    }

    [Fact]
    public void Analyze_CutterAsEgo_SeesNoCutIn()
    {
        // The ego is behind the cutter: nobody changed into the cutter's lane ahead of it.
        var drive = RoadBuilder.DriveOf(CutInScene(), "cutter");

        var evaluation = new CutInAnalyzer().Analyze(drive);

        evaluation.Metric(CutInAnalyzer.CutInCount).Value.ShouldBe(0);
    }
}
