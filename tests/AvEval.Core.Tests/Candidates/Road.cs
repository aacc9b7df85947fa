using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Tests.Candidates;

/// <summary>Hand-built scenes on a straight road along +x at 10 Hz, and scenarios on them.</summary>
internal static class Road
{
    public const double Step = 0.1;
    public const double CarLength = 4.5;
    public const double CarWidth = 1.8;
    public static readonly TrackId Ego = new("ego");
    public static readonly TrackId Lead = new("lead");

    public static readonly IntelligentDriverModelOptions Default = new(33, 1.5, 2, 1.5, 2.0);
    public static readonly IntelligentDriverModelOptions ShortGap = new(33, 0.6, 1, 1.5, 2.0);

    /// <summary>A car whose state at frame k is given by a function of time.</summary>
    public static Track Car(TrackId id, int frames, Func<double, AgentState> at) =>
        new(id, AgentKind.Vehicle, "car", new BoxSize(CarLength, CarWidth), 0, [.. Enumerable.Range(0, frames).Select(k => at(k * Step))], hasAcceleration: true);

    /// <summary>A car at constant speed along y = lane.</summary>
    public static Track Cruising(TrackId id, int frames, double x0, double speed, double lane = 0) =>
        Car(id, frames, t => new AgentState(x0 + (speed * t), lane, 0, speed, 0));

    public static Scene Scene(int frames, params Track[] tracks) =>
        new("hand-built", new TimeBase(0, Step, frames), tracks, LaneGraph.Empty, new Provenance("hand-built", "CC0-1.0", "(test)", new string('0', 64)));

    public static ScenarioSpec Spec(ScenarioWindow? window = null) =>
        new("hand", "Hand-built", "following_distance", Severity.Blocking, [], "logs/none.parquet", Ego, window, [], "Test.", "behaviors/following_distance/hand.yaml");

    /// <summary>Bumper-to-bumper gap between ego and lead at a frame (both along +x, same length).</summary>
    public static double Gap(Scene scene, int frame) =>
        scene[Lead].StateAt(frame).X - scene[Ego].StateAt(frame).X - CarLength;

    public static LogReplayCandidate Idm(IntelligentDriverModelOptions options, string id = "rc-test") =>
        new(new CandidateId(id), new IntelligentDriverModelPlanner(options));
}
