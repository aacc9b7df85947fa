using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Tests.Kinematics;

/// <summary>Lane maps spread over extreme extents: the grid must stay bounded and its cell casts must not overflow.</summary>
public sealed partial class SceneLaneIndexTests
{
    private static Lane Straight(string id, double x0, double y, double length = 50) => new(
        new LaneId(id),
        [new Point2(x0, y + 1.85), new Point2(x0 + length, y + 1.85)],
        [new Point2(x0, y - 1.85), new Point2(x0 + length, y - 1.85)],
        [new Point2(x0, y), new Point2(x0 + length, y)],
        [],
        [],
        null,
        null);

    private static Scene WithLanes(params Lane[] lanes)
    {
        var a = new Track(new TrackId("a"), AgentKind.Vehicle, "car", new BoxSize(4, 1.8), 0, [new AgentState(10, 0, 0, 10, 0)], hasAcceleration: false);
        var far = lanes[^1].Centerline[0];
        var b = new Track(new TrackId("b"), AgentKind.Vehicle, "car", new BoxSize(4, 1.8), 0, [new AgentState(far.X + 10, far.Y, 0, 10, 0)], hasAcceleration: false);
        return new Scene("extremes", new TimeBase(0, 0.1, 1), [a, b], new LaneGraph(lanes), new Provenance("hand-built", "none", "extremes", "00"));
    }

    [Fact]
    public void Constructor_LaneAt1e12Metres_BuildsAndAssociatesBothTracks()
    {
        // Before the grid's cell size adapted, a lane 1e12 m away asked for 1e11 columns: an int overflow and a crash.
        var scene = WithLanes(Straight("near", 0, 0), Straight("far", 1e12, 0));

        var index = new SceneLaneIndex(scene);

        index.LaneOf(0, 0).ShouldBe(0);
        index.LaneOf(1, 0).ShouldBe(1);
    }

    [Fact]
    public void Constructor_LanesAtOppositeCornersOfThePlausibleFrame_BuildsAndAssociatesBothTracks()
    {
        var limit = PlausibilityLimits.MaxAbsCoordinateMeters;
        var scene = WithLanes(Straight("south-west", -limit, -limit + 2), Straight("north-east", limit - 60, limit - 2));
        var a = scene.Tracks[0];
        scene = new Scene(scene.Id, scene.TimeBase, [new Track(a.Id, a.Kind, a.SourceType, a.Size, 0, [new AgentState(-limit + 10, -limit + 2, 0, 10, 0)], false), scene.Tracks[1]], scene.Lanes, scene.Provenance);

        var index = new SceneLaneIndex(scene);

        index.LaneOf(0, 0).ShouldBe(0);
        index.LaneOf(1, 0).ShouldBe(1);
    }

    [Fact]
    public void TryAssociate_PointFarOutsideTheGrid_IsInNoLane()
    {
        var index = new SceneLaneIndex(WithLanes(Straight("near", 0, 0)));

        index.TryAssociate(new Point2(1e300, -1e300), 0, out _).ShouldBeFalse();
        index.TryAssociate(new Point2(double.NaN, 0), 0, out _).ShouldBeFalse();
    }
}
