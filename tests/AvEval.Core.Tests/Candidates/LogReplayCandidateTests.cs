using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Tests.Candidates;

public sealed class LogReplayCandidateTests
{
    [Fact]
    public void Drive_SameInputsTwice_IdenticalDrive()
    {
        const int frames = 300;
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 25), Road.Cruising(Road.Lead, frames, 40, 15));

        var first = Road.Idm(Road.Default).Drive(Road.Spec(), scene);
        var second = Road.Idm(Road.Default).Drive(Road.Spec(), scene);

        first.EgoTrack.States.ToArray().ShouldBe(second.EgoTrack.States.ToArray());
    }

    [Fact]
    public void Drive_VehicleCutsIn_BecomesLeadWhenItEntersTheCorridor()
    {
        // The other car is 40 m ahead in the next lane (y = 3.7) at 15 m/s and moves over to y = 0 between t = 3 and 5 s.
        // Corridor half-width = 1.8/2 + 0.3 = 1.2 m; its near side (y − 0.9) enters at y = 2.1, t = 3 + 2·1.6/3.7 = 3.865 s.
        // Before that the ego accelerates freely: 1.5 [1 − (v/33)^4] > 0; 0.2 s after, it brakes.
        const int frames = 100;
        var cutter = Road.Car(Road.Lead, frames, t => new AgentState(40 + (15 * t), 3.7 * (1 - Math.Clamp((t - 3) / 2, 0, 1)), 0, 15, t is > 3 and < 5 ? -1.85 : 0));
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), cutter);

        var ego = Road.Idm(Road.Default).Drive(Road.Spec(), scene).EgoTrack;

        ego.StateAt(38).Ax.ShouldBeGreaterThan(0);
        ego.StateAt(39).Ax.ShouldBeLessThan(0);
        ego.StateAt(40).Ax.ShouldBeLessThan(0);
    }

    [Fact]
    public void Drive_CurvedRecordedPath_StaysOnThePolylineWithItsHeading()
    {
        // The human drove a circle of radius 50 m at 10 m/s; the candidate's positions must lie on that polyline
        // and its heading follow the circle's tangent: the heading chord spans s ± 1 m, which on a circle is the tangent at
        // its midpoint; at the path start it spans only 0..1 m, whose midpoint is 0.5 m on: 0.5/50 = 0.01 rad (+ polyline error).
        const int frames = 200;
        const double radius = 50;
        var human = Road.Car(Road.Ego, frames, t =>
        {
            var angle = 10 * t / radius;
            return new AgentState(radius * Math.Sin(angle), radius * (1 - Math.Cos(angle)), angle, 10 * Math.Cos(angle), 10 * Math.Sin(angle));
        });
        var scene = Road.Scene(frames, human);
        var polyline = human.States.ToArray().Select(s => new Point2(s.X, s.Y)).ToArray();

        // Desired speed 10 m/s: the candidate stays on the recorded 199 m (150 frames ≈ 150 m), not on the straight extension.
        var ego = Road.Idm(Road.Default with { DesiredSpeed = 10 }).Drive(Road.Spec(), scene).EgoTrack;

        foreach (var state in ego.States[..150])
        {
            var p = new Point2(state.X, state.Y);
            var distance = Enumerable.Range(0, polyline.Length - 1).Min(i => SegmentDistance(p, polyline[i], polyline[i + 1]));
            distance.ShouldBeLessThan(1e-9);
            var tangent = Math.Atan2(p.X, radius - p.Y);
            Math.Abs(Math.IEEERemainder(state.Heading - tangent, 2 * Math.PI)).ShouldBeLessThan(0.0105);
        }
    }

    [Fact]
    public void Drive_Window_StartsFromRecordedStateAtWindowStart()
    {
        const int frames = 100;
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20));

        var drive = Road.Idm(Road.Default).Drive(Road.Spec(new ScenarioWindow(2.0, 5.0)), scene);

        drive.Scene.TimeBase.ShouldBe(new TimeBase(2.0, 0.1, 30));
        var first = drive.EgoTrack.StateAt(0);
        (first.X, first.Speed).ShouldBe((40.0, 20.0));
        drive.EgoTrack.Length.ShouldBe(30);
    }

    [Fact]
    public void Drive_EgoNotInLog_CandidateException()
    {
        var scene = Road.Scene(10, Road.Cruising(Road.Lead, 10, 0, 20));

        var error = Record.Exception(() => Road.Idm(Road.Default).Drive(Road.Spec(), scene));

        Assert.IsType<CandidateException>(error).Message.ShouldBe(
            "behaviors/following_distance/hand.yaml: ego 'ego' is not a track of log scene 'hand-built'; pick a track id from 'aveval analyze' on that log.");
    }

    [Fact]
    public void Drive_WindowOutsideLog_CandidateException()
    {
        var scene = Road.Scene(10, Road.Cruising(Road.Ego, 10, 0, 20));

        var error = Record.Exception(() => Road.Idm(Road.Default).Drive(Road.Spec(new ScenarioWindow(5, 6)), scene));

        Assert.IsType<CandidateException>(error).Message.ShouldBe(
            "behaviors/following_distance/hand.yaml: the window '5..6' s holds no frame of log scene 'hand-built'; move the window onto the log's time span.");
    }

    [Fact]
    public void Drive_OtherAgents_ReplayedAsRecorded()
    {
        const int frames = 50;
        var lead = Road.Cruising(Road.Lead, frames, 30, 10);
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), lead);

        var drive = Road.Idm(Road.Default).Drive(Road.Spec(), scene);

        drive.Scene[Road.Lead].States.ToArray().ShouldBe(lead.States.ToArray());
    }

    private static double SegmentDistance(Point2 p, Point2 a, Point2 b)
    {
        var ab = b - a;
        var t = Math.Clamp((p - a).Dot(ab) / ab.Dot(ab), 0, 1);
        return p.DistanceTo(a + (ab * t));
    }
}
