using AvEval.Analysis;
using AvEval.Analysis.Navsim;
using AvEval.Geometry;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.Navsim;

public sealed class NavsimScoreAnalyzerTests
{
    private static readonly TrackId ExpertId = new("expert");

    [Fact]
    public void Analyze_DriveEqualToTheExpertInItsLane_PerfectScores()
    {
        // 4 s at 10 m/s along the middle of a straight 3.7 m lane, alone: NC, DAC, DDC, TTC, LK, HC all 1, and the
        // drive makes the expert's own progress (EP 1): PDMS = 12 / 12, EPDMS = 14 / 14 without TLC and EC.
        var (drive, expert) = OnLane(Straight(0, 10, 0, 41, 0.1));

        var e = new NavsimScoreAnalyzer(expert).Analyze(drive);

        e.Metric(NavsimScoreAnalyzer.EgoProgress).Value.ShouldBe(1.0);
        e.Metric(NavsimScoreAnalyzer.Pdms).Value.ShouldBe(1.0);
        var epdms = e.Metric(NavsimScoreAnalyzer.Epdms);
        epdms.Value.ShouldBe(1.0);
        epdms.Reason!.ShouldStartWith("EPDMS without traffic light compliance");
    }

    [Fact]
    public void Analyze_StoppedWhileTheExpertDrove_ProgressZero()
    {
        // The expert covers 39 m (> 5 m), the drive 0 m: EP = 0 / 39 = 0; everything else 1, so
        // PDMS = (5 · 0 + 5 + 2) / 12 = 7 / 12 and EPDMS = (0 + 5 + 2 + 2) / 14 = 9 / 14.
        var (drive, expert) = OnLane(Straight(0, 10, 0, 41, 0.1), Straight(0, 0, 0, 41, 0.1));

        var e = new NavsimScoreAnalyzer(expert).Analyze(drive);

        e.Metric(NavsimScoreAnalyzer.EgoProgress).Value.ShouldBe(0.0);
        e.Metric(NavsimScoreAnalyzer.Pdms).Value!.Value.ShouldBe(7.0 / 12, 1e-12);
        e.Metric(NavsimScoreAnalyzer.Epdms).Value!.Value.ShouldBe(9.0 / 14, 1e-12);
    }

    [Fact]
    public void Analyze_NoExpert_NoScoreWithTheReason()
    {
        var (drive, _) = OnLane(Straight(0, 10, 0, 41, 0.1));

        var e = new NavsimScoreAnalyzer().Analyze(drive);

        var pdms = e.Metric(NavsimScoreAnalyzer.Pdms);
        pdms.Value.ShouldBeNull();
        pdms.Reason!.ShouldContain("'progress.nuplan.value'");
    }

    [Fact]
    public void ScenarioExpectation_OnEpdms_IsPublishedAndJudged()
    {
        // A scenario expectation on a new metric: known to the expectation language (validated at load), judged on the
        // analysis a replaced ego gets (RuleAnalysis.CreateExpertComparison).
        var expectation = ExpectationParser.Parse("navsim.epdms.score >= 0.9 1", SourceLocation.InCode);
        var (drive, expert) = OnLane(Straight(0, 10, 0, 41, 0.1), Straight(0, 0, 0, 41, 0.1));

        var evaluation = RuleAnalysis.CreateExpertComparison(expert).Analyze(drive);
        var outcome = expectation.Judge(evaluation);

        PublishedMetrics.Find("navsim.epdms.score").ShouldNotBeNull().DefinedBy.ShouldBe(MetricAuthority.Navsim);
        outcome.Outcome.ShouldBe(Outcome.Fail);
        outcome.Measured!.Value.ShouldBe(9.0 / 14, 1e-12);
    }

    private static (Drive Drive, Track Expert) OnLane(AgentState[] expertStates, AgentState[]? egoStates = null)
    {
        var ego = Vehicle(Ego, egoStates ?? expertStates);
        var expert = Vehicle(ExpertId, expertStates);
        var lane = new Lane(new LaneId("A"), [new Point2(-50, 1.85), new Point2(100, 1.85)], [new Point2(-50, -1.85), new Point2(100, -1.85)], [new Point2(-50, 0), new Point2(100, 0)], [], [], null, null);
        var scene = new Scene("hand-built", new TimeBase(0, 0.1, expertStates.Length), [ego], new LaneGraph([lane]), new Provenance("test", "n/a", "memory", "0"));
        return (new Drive(scene, Ego), expert);
    }
}
