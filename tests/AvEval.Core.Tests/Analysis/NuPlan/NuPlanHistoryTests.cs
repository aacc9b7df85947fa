using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Scenes;
using AvEval.Tests.Analysis.Behaviour;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanHistoryTests
{
    // RoadBuilder: lane R has bounds y = ±1.85, lane L (its left neighbour) 1.85 to 5.55; the ego box is 4 m × 1.8 m,
    // heading 0, so its corners lie at y ± 0.9.
    [Fact]
    public void FromDrive_EgoInsideOneLane_InCommonLanesNotInIntersection()
    {
        var scene = RoadBuilder.TwoLanes().Vehicle("ego", 3, k => k, _ => 0, _ => 10).Build();

        var history = NuPlanHistory.FromDrive(RoadBuilder.DriveOf(scene, "ego"));

        history.Map.ShouldAllBe(m => m.InCommonOrConnectedLanes && !m.InIntersection && m.Lane!.Id == new LaneId("R"));
    }

    [Fact]
    public void FromDrive_EgoAcrossTheLaneLine_NotInCommonLanesNotInIntersection()
    {
        // Centre y = 1.5: corners at y = 0.6 (lane R) and y = 2.4 (lane L): straddling side-by-side lanes, no crossing.
        var scene = RoadBuilder.TwoLanes().Vehicle("ego", 3, k => k, _ => 1.5, _ => 10).Build();

        var history = NuPlanHistory.FromDrive(RoadBuilder.DriveOf(scene, "ego"));

        history.Map.ShouldAllBe(m => !m.InCommonOrConnectedLanes && !m.InIntersection);
    }

    [Fact]
    public void FromDrive_EgoInALaneMarkedIntersection_InIntersection()
    {
        var lane = RoadBuilder.Straight("X", 0, left: null, right: null) with { IsIntersection = true };
        var scene = RoadBuilder.NoLanes().WithLanes(lane).Vehicle("ego", 3, k => k, _ => 0, _ => 10).Build();

        var history = NuPlanHistory.FromDrive(RoadBuilder.DriveOf(scene, "ego"));

        history.Map.ShouldAllBe(m => m.InIntersection && m.InCommonOrConnectedLanes);
    }

    [Fact]
    public void FromDrive_EgoWhereTwoUnrelatedLanesCross_InIntersection()
    {
        // Lane X along +x (y = 0) and lane Y along +y (x = 0), unmarked and unrelated: the ego centre at (0, 0) is in both.
        var along = RoadBuilder.Straight("X", 0, left: null, right: null, x0: -50, x1: 50);
        var across = new Lane(
            new LaneId("Y"),
            [new Point2(-1.85, -50), new Point2(-1.85, 50)],
            [new Point2(1.85, -50), new Point2(1.85, 50)],
            [new Point2(0, -50), new Point2(0, 50)],
            [],
            [],
            null,
            null);
        var scene = RoadBuilder.NoLanes().WithLanes(along, across).Vehicle("ego", 3, _ => 0, _ => 0, _ => 10).Build();

        var history = NuPlanHistory.FromDrive(RoadBuilder.DriveOf(scene, "ego"));

        history.Map.ShouldAllBe(m => m.InIntersection);
    }
}
