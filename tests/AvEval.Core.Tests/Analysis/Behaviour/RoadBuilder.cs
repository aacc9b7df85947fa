using AvEval.Analysis;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.Behaviour;

/// <summary>
/// Hand-built scenes on a straight two-lane road along +x at 10 Hz: lane <c>R</c> (centre y = 0, bounds y = ±1.85)
/// and lane <c>L</c> to its left (centre y = 3.7, bounds 1.85 and 5.55), x from −100 to 900, both driven towards +x.
/// Vehicles are 4 m × 1.8 m boxes.
/// </summary>
internal sealed class RoadBuilder
{
    public const double Step = 0.1;
    private readonly List<Track> _tracks = [];
    private readonly List<Lane> _lanes = [];
    private int _frames;

    public static RoadBuilder TwoLanes()
    {
        var builder = new RoadBuilder();
        builder._lanes.Add(Straight("R", 0, left: new LaneNeighbour(new LaneId("L"), true), right: null));
        builder._lanes.Add(Straight("L", 3.7, left: null, right: new LaneNeighbour(new LaneId("R"), true)));
        return builder;
    }

    public static RoadBuilder NoLanes() => new();

    public RoadBuilder WithLanes(params Lane[] lanes)
    {
        _lanes.Clear();
        _lanes.AddRange(lanes);
        return this;
    }

    public static Lane Straight(string id, double centreY, LaneNeighbour? left, LaneNeighbour? right, double x0 = -100, double x1 = 900, IReadOnlyList<LaneId>? predecessors = null, IReadOnlyList<LaneId>? successors = null) => new(
        new LaneId(id),
        [new Point2(x0, centreY + 1.85), new Point2(x1, centreY + 1.85)],
        [new Point2(x0, centreY - 1.85), new Point2(x1, centreY - 1.85)],
        [new Point2(x0, centreY), new Point2(x1, centreY)],
        predecessors ?? [],
        successors ?? [],
        left,
        right);

    /// <summary>A vehicle along +x: x(k) and y(k) per frame, speed from the x difference (constant speed given).</summary>
    public RoadBuilder Vehicle(string id, int frames, Func<int, double> x, Func<int, double> y, Func<int, double> speed, Func<int, double>? accel = null, int firstFrame = 0)
    {
        var states = new AgentState[frames];
        for (int k = 0; k < frames; k++)
        {
            double a = accel?.Invoke(k) ?? 0;
            states[k] = new AgentState(x(k), y(k), 0, speed(k), 0, a, 0);
        }

        _tracks.Add(new Track(new TrackId(id), AgentKind.Vehicle, "car", new BoxSize(4, 1.8), firstFrame, states, accel is not null));
        _frames = Math.Max(_frames, firstFrame + frames);
        return this;
    }

    public Scene Build(string id = "road") =>
        new(id, new TimeBase(0, Step, _frames), _tracks, new LaneGraph(_lanes), new Provenance("hand-built test scene", "n/a", id, "0"));

    public static Drive DriveOf(Scene scene, string ego) => new(scene, new TrackId(ego));
}
