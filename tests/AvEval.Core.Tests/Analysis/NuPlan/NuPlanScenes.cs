using AvEval.Analysis;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.NuPlan;

/// <summary>Small hand-built scenes for the nuPlan analyzers' unit tests.</summary>
internal static class NuPlanScenes
{
    public static readonly TrackId Ego = new("ego");

    public static readonly TrackId Lead = new("lead");

    public static Track Vehicle(TrackId id, IReadOnlyList<AgentState> states, bool hasAcceleration = true) =>
        new(id, AgentKind.Vehicle, "car", new BoxSize(4, 2), 0, states, hasAcceleration);

    public static Drive Drive(double step, params Track[] tracks) =>
        new(new Scene("hand-built", new TimeBase(0, step, tracks.Max(t => t.LastFrame) + 1), tracks, LaneGraph.Empty, new Provenance("test", "n/a", "memory", "0")), Ego);

    /// <summary>Straight along +x from x0 at speed v0 with constant acceleration a; n frames of dt.</summary>
    public static AgentState[] Straight(double x0, double v0, double a, int n, double dt) =>
        [.. Enumerable.Range(0, n).Select(i => i * dt).Select(t => new AgentState(x0 + (v0 * t) + (0.5 * a * t * t), 0, 0, v0 + (a * t), 0, a, 0))];

    /// <summary>Moves every state rigidly: rotate by theta about the origin, then translate.</summary>
    public static Drive Moved(Drive drive, double theta, double tx, double ty)
    {
        double c = Math.Cos(theta), s = Math.Sin(theta);
        var tracks = drive.Scene.Tracks.Select(t => new Track(t.Id, t.Kind, t.SourceType, t.Size, t.FirstFrame, [.. t.States.ToArray().Select(st => new AgentState(
            (c * st.X) - (s * st.Y) + tx,
            (s * st.X) + (c * st.Y) + ty,
            st.Heading + theta,
            (c * st.Vx) - (s * st.Vy),
            (s * st.Vx) + (c * st.Vy),
            (c * st.Ax) - (s * st.Ay),
            (s * st.Ax) + (c * st.Ay)))], t.HasAcceleration));
        return new Drive(new Scene(drive.Scene.Id, drive.Scene.TimeBase, tracks, drive.Scene.Lanes, drive.Scene.Provenance), drive.Ego);
    }
}
