using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;
using AvEval.Tests.Analysis.Behaviour;

namespace AvEval.Tests.Kinematics;

public sealed partial class SceneLaneIndexTests
{
    private static SceneLaneIndex TwoLanes() => new(RoadBuilder.TwoLanes().Vehicle("a", 2, k => k, _ => 0, _ => 10).Build());

    [Theory]
    [InlineData(50, 0.5, "R", 0.5)]
    [InlineData(50, -1.8, "R", -1.8)]
    [InlineData(50, 3.0, "L", -0.7)]
    [InlineData(50, 5.5, "L", 1.8)]
    public void TryAssociate_TwoParallelLanes_PicksTheLaneContainingTheCentre(double x, double y, string lane, double d)
    {
        var index = TwoLanes();

        bool found = index.TryAssociate(new Point2(x, y), 0, out var association);

        found.ShouldBeTrue();
        index.LaneAt(association.LaneIndex).Id.Value.ShouldBe(lane);
        association.Position.S.ShouldBe(x + 100, 1e-9); // lanes start at x = −100
        association.Position.D.ShouldBe(d, 1e-9);
    }

    [Theory]
    [InlineData(50, 10)]
    [InlineData(50, -2)]
    [InlineData(950, 0)]
    public void TryAssociate_OutsideEveryLane_FindsNone(double x, double y)
    {
        var index = TwoLanes();

        bool found = index.TryAssociate(new Point2(x, y), 0, out _);

        found.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0.1, "E")]
    [InlineData(Math.PI - 0.1, "W")]
    [InlineData(-Math.PI + 0.2, "W")]
    public void TryAssociate_OverlappingOppositeLanes_PicksTheOneMatchingTheHeading(double heading, string expected)
    {
        // Two lanes on the same strip, one driven east and one west: both polygons contain the point.
        var east = RoadBuilder.Straight("E", 0, null, null);
        var west = new Lane(new LaneId("W"), [.. east.RightBound.Reverse()], [.. east.LeftBound.Reverse()], [.. east.Centerline.Reverse()], [], [], null, null);
        var index = new SceneLaneIndex(RoadBuilder.TwoLanes().WithLanes(east, west).Vehicle("a", 2, k => k, _ => 0, _ => 10).Build());

        index.TryAssociate(new Point2(10, 0.3), heading, out var association).ShouldBeTrue();

        index.LaneAt(association.LaneIndex).Id.Value.ShouldBe(expected);
    }

    [Fact]
    public void LaneOf_TrackCrossingToTheLeftLane_FollowsTheCentre()
    {
        // y = 0, 1, 2, 3: the centre crosses the boundary y = 1.85 between frames 1 and 2.
        var scene = RoadBuilder.TwoLanes().Vehicle("a", 4, k => 10 * k, k => k, _ => 10).Build();
        var index = new SceneLaneIndex(scene);

        var lanes = Enumerable.Range(0, 4).Select(f => index.LaneAt(index.LaneOf(0, f)).Id.Value).ToArray();

        lanes.ShouldBe(["R", "R", "L", "L"]);
    }

    [Fact]
    public void TryFindLeadInLanes_LeadOnSuccessorLane_MeasuresAcrossTheLaneEnd()
    {
        // R1 runs x ∈ [−100, 50], R2 continues x ∈ [50, 900]. Ego centre x = 40 (s = 140 on R1), lead centre x = 70
        // (s = 20 on R2, path offset 150): centre distance 30, gap 30 − 2 − 2 = 26 m.
        var r1 = RoadBuilder.Straight("R1", 0, null, null, x1: 50, successors: [new LaneId("R2")]);
        var r2 = RoadBuilder.Straight("R2", 0, null, null, x0: 50, predecessors: [new LaneId("R1")]);
        var scene = RoadBuilder.NoLanes().WithLanes(r1, r2)
            .Vehicle("ego", 1, _ => 40, _ => 0, _ => 20)
            .Vehicle("lead", 1, _ => 70, _ => 0, _ => 15)
            .Build();
        var index = new SceneLaneIndex(scene);

        bool found = index.TryFindLeadInLanes(0, 0, 150, out var lead);

        found.ShouldBeTrue();
        lead.TrackIndex.ShouldBe(1);
        lead.GapMetres.ShouldBe(26, 1e-9);
        lead.ClosingSpeed.ShouldBe(5, 1e-9);
    }

    [Fact]
    public void For_SameScene_ReturnsTheSameIndex()
    {
        var scene = RoadBuilder.TwoLanes().Vehicle("a", 2, k => k, _ => 0, _ => 10).Build();

        var first = SceneLaneIndex.For(scene);
        var second = SceneLaneIndex.For(scene);

        second.ShouldBeSameAs(first);
    }
}
