using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

/// <summary>
/// nuPlan's closed-loop weighted average checked on worked examples of its aggregator's formula (multipliers
/// no_ego_at_fault_collisions, drivable_area_compliance, ego_is_making_progress, driving_direction_compliance; weights
/// TTC 5, progress 5, speed limit 4, comfort 2), each computed by hand in the comment.
/// </summary>
public sealed class NuPlanClosedLoopScoreAnalyzerTests
{
    [Fact]
    public void Combine_HalfDrivingDirectionAndPartialProgress_ProductTimesWeightedMean()
    {
        // 0.5 · (5 · 1 + 5 · 0.8 + 4 · 1 + 2 · 1) / 16 = 0.5 · 15 / 16 = 0.46875.
        NuPlanClosedLoopScoreAnalyzer.Combine(1, 1, 1, 0.5, 1, 0.8, 1, 1).ShouldBe(0.46875, 1e-12);
    }

    [Fact]
    public void Combine_NoSpeedLimits_DropsTheirWeight()
    {
        // 0.5 · (5 + 4 + 2) / 12.
        NuPlanClosedLoopScoreAnalyzer.Combine(1, 1, 1, 0.5, 1, 0.8, null, 1).ShouldBe(0.5 * 11 / 12, 1e-12);
    }

    [Fact]
    public void Analyze_DriveEqualToTheExpert_One()
    {
        var (drive, expert) = OnLane(Straight(0, 10, 0, 41, 0.1), Straight(0, 10, 0, 41, 0.1));

        var score = new NuPlanClosedLoopScoreAnalyzer(expert).Analyze(drive).Metric(NuPlanClosedLoopScoreAnalyzer.Score);

        score.Value.ShouldBe(1.0);
        score.Reason.ShouldBe("Without speed_limit_compliance and its weight 4: the scene carries no speed limits.");
    }

    [Fact]
    public void Analyze_StoppedWhileTheExpertDrove_NotMakingProgressScoresZero()
    {
        // Progress ratio max(0, 2) / max(39, 2) = 0.051 < 0.2: ego_is_making_progress is 0, a multiplier.
        var (drive, expert) = OnLane(Straight(0, 10, 0, 41, 0.1), Straight(0, 0, 0, 41, 0.1));

        new NuPlanClosedLoopScoreAnalyzer(expert).Analyze(drive).Metric(NuPlanClosedLoopScoreAnalyzer.Score).Value.ShouldBe(0.0);
    }

    [Fact]
    public void Analyze_NoExpert_NoScoreNamingWhatIsMissing()
    {
        var (drive, _) = OnLane(Straight(0, 10, 0, 41, 0.1), Straight(0, 10, 0, 41, 0.1));

        var score = new NuPlanClosedLoopScoreAnalyzer().Analyze(drive).Metric(NuPlanClosedLoopScoreAnalyzer.Score);

        score.Value.ShouldBeNull();
        score.Reason.ShouldBe("nuPlan's closed-loop score needs 'making_progress.nuplan.value', 'progress.nuplan.ratio', which this drive has no value for.");
    }

    private static (Drive Drive, Track Expert) OnLane(AgentState[] expertStates, AgentState[] egoStates)
    {
        var lane = new Lane(new LaneId("A"), [new Point2(-50, 1.85), new Point2(100, 1.85)], [new Point2(-50, -1.85), new Point2(100, -1.85)], [new Point2(-50, 0), new Point2(100, 0)], [], [], null, null);
        var scene = new Scene("hand-built", new TimeBase(0, 0.1, egoStates.Length), [Vehicle(Ego, egoStates)], new LaneGraph([lane]), new Provenance("test", "n/a", "memory", "0"));
        return (new Drive(scene, Ego), Vehicle(new TrackId("expert"), expertStates));
    }
}
