using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanDrivableAreaAnalyzerTests
{
    [Fact]
    public void Analyze_InsideTheLane_Compliant()
    {
        // Box 4 × 2 m centred on a 3.7 m lane: corners at y = ±1, inside ±1.85.
        var e = new NuPlanDrivableAreaAnalyzer().Analyze(OnLane(0));

        e.Metric(NuPlanDrivableAreaAnalyzer.Compliance).Value.ShouldBe(1);
        e.Metric(NuPlanDrivableAreaAnalyzer.MaxViolation).Value.ShouldBe(0);
    }

    [Fact]
    public void Analyze_WithinTheTolerance_Compliant()
    {
        // Centre at y = 1.1: left corners at y = 2.1, 0.25 m beyond the bound at 1.85 (≤ 0.3 m).
        var e = new NuPlanDrivableAreaAnalyzer().Analyze(OnLane(1.1));

        e.Metric(NuPlanDrivableAreaAnalyzer.Compliance).Value.ShouldBe(1);
        e.Metric(NuPlanDrivableAreaAnalyzer.MaxViolation).Value!.Value.ShouldBe(0.25, 1e-9);
    }

    [Fact]
    public void Analyze_BeyondTheTolerance_Violation()
    {
        // Centre at y = 1.5: corners at y = 2.5, 0.65 m outside (> 0.3 m).
        var e = new NuPlanDrivableAreaAnalyzer().Analyze(OnLane(1.5));

        e.Metric(NuPlanDrivableAreaAnalyzer.Compliance).Value.ShouldBe(0);
        e.Metric(NuPlanDrivableAreaAnalyzer.MaxViolation).Value!.Value.ShouldBe(0.65, 1e-9);
    }

    [Fact]
    public void Analyze_NoLanes_NoValueWithTheReason()
    {
        var e = new NuPlanDrivableAreaAnalyzer().Analyze(Drive(0.1, Vehicle(Ego, Straight(0, 10, 0, 11, 0.1))));

        e.Metric(NuPlanDrivableAreaAnalyzer.Compliance).Reason.ShouldBe("The scene has no lanes, so there is no drivable area to check the ego against.");
    }

    private static Drive OnLane(double y)
    {
        var states = Straight(0, 10, 0, 11, 0.1).Select(s => s with { Y = y }).ToArray();
        var drive = Drive(0.1, Vehicle(Ego, states));
        var lane = new Lane(new LaneId("A"), [new Point2(-50, 1.85), new Point2(100, 1.85)], [new Point2(-50, -1.85), new Point2(100, -1.85)], [new Point2(-50, 0), new Point2(100, 0)], [], [], null, null);
        return new Drive(new Scene(drive.Scene.Id, drive.Scene.TimeBase, drive.Scene.Tracks, new LaneGraph([lane]), drive.Scene.Provenance), drive.Ego);
    }
}
