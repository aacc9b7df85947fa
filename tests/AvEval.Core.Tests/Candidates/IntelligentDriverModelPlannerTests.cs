using AvEval.Candidates;
using AvEval.Geometry;

namespace AvEval.Tests.Candidates;

public sealed class IntelligentDriverModelPlannerTests
{
    private static readonly IntelligentDriverModelPlanner Planner = new(Road.Default);

    [Fact]
    public void Acceleration_FromRestOnFreeRoad_IsMaxAcceleration()
    {
        // a = a_max [1 − (0/v0)^4 − 0] = a_max = 1.5 m/s².
        Planner.Acceleration(0, null).ShouldBe(1.5, 1e-15);
    }

    [Fact]
    public void Acceleration_AtDesiredSpeedOnFreeRoad_Zero()
    {
        Planner.Acceleration(33, null).ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Acceleration_AtEquilibriumGapBehindSameSpeedLead_Zero()
    {
        // s_e = (s0 + v T) / sqrt(1 − (v/v0)^4) = (2 + 20·1.5) / sqrt(1 − (20/33)^4) = 32 / sqrt(0.865084) = 34.4049 m.
        var equilibrium = (2 + (20 * 1.5)) / Math.Sqrt(1 - Math.Pow(20.0 / 33.0, 4));

        var a = Planner.Acceleration(20, (equilibrium, 20));

        equilibrium.ShouldBe(34.4049, 1e-4);
        a.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Acceleration_ClosingFast_DesiredGapUsesApproachTerm()
    {
        // v = 20, lead 10, gap 40: s* = 2 + 30 + 20·10/(2·sqrt(1.5·2)) = 32 + 200/3.4641 = 89.735 m;
        // a = 1.5 [1 − 0.134916 − (89.735/40)²] = 1.5 [0.865084 − 5.03271] = −6.2514 m/s².
        Planner.Acceleration(20, (40, 10)).ShouldBe(-6.2514, 1e-3);
    }

    [Fact]
    public void Constructor_NonPositiveParameter_Throws()
    {
        var error = Record.Exception(() => new IntelligentDriverModelPlanner(Road.Default with { TimeGap = 0 }));

        Assert.IsType<ArgumentOutOfRangeException>(error).Message.ShouldStartWith("IDM parameter TimeGap must be positive and finite.");
    }

    [Fact]
    public void Drive_FollowingConstantSpeedLead_SettlesAtEquilibriumGap()
    {
        // Lead at 20 m/s, 55.5 m ahead bumper to bumper; after 120 s the gap is s_e = 34.4049 m (hand value above).
        const int frames = 1200;
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 60, 20));

        var drive = Road.Idm(Road.Default).Drive(Road.Spec(), scene);

        Road.Gap(drive.Scene, frames - 1).ShouldBe(34.4049, 0.05);
        drive.EgoTrack.StateAt(frames - 1).Speed.ShouldBe(20, 0.01);
    }

    [Fact]
    public void Drive_LeadBrakesAtComfortableDecelerationToStop_NeverCollides()
    {
        // Lead starts at the equilibrium gap at 20 m/s, brakes at b = 2 m/s² from t = 2 s until it stops at t = 12 s
        // (20 m/s / 2 m/s² = 10 s, 100 m), then stands.
        const int frames = 400;
        const double lead0 = 34.4049 + Road.CarLength;
        var lead = Road.Car(Road.Lead, frames, t =>
        {
            var braking = Math.Clamp(t - 2, 0, 10);
            var x = lead0 + (20 * Math.Min(t, 2)) + (20 * braking) - (braking * braking);
            var v = 20 - (2 * braking);
            return new(x, 0, 0, v, 0, t is > 2 and < 12 ? -2 : 0, 0);
        });
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), lead);

        var drive = Road.Idm(Road.Default).Drive(Road.Spec(), scene);

        var gaps = Enumerable.Range(0, frames).Select(k => Road.Gap(drive.Scene, k)).ToList();
        var overlaps = Enumerable.Range(0, frames).Count(k => Box(drive.Scene[Road.Ego].StateAt(k)).Intersects(Box(drive.Scene[Road.Lead].StateAt(k))));
        gaps.Min().ShouldBeGreaterThan(1.9);
        overlaps.ShouldBe(0);
        drive.EgoTrack.StateAt(frames - 1).Speed.ShouldBe(0, 0.05);
    }

    [Fact]
    public void Drive_ShortGapCandidate_KeepsSmallerHeadway()
    {
        // Headway = gap / speed at equilibrium behind a 20 m/s lead:
        // default (2 + 30) / 0.930099 / 20 = 1.7202 s; short gap (1 + 12) / 0.930099 / 20 = 0.6988 s.
        const int frames = 1200;
        var scene = Road.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 60, 20));

        var standard = Road.Idm(Road.Default).Drive(Road.Spec(), scene);
        var shortGap = Road.Idm(Road.ShortGap).Drive(Road.Spec(), scene);

        var standardHeadway = Road.Gap(standard.Scene, frames - 1) / standard.EgoTrack.StateAt(frames - 1).Speed;
        var shortHeadway = Road.Gap(shortGap.Scene, frames - 1) / shortGap.EgoTrack.StateAt(frames - 1).Speed;
        standardHeadway.ShouldBe(1.7202, 0.005);
        shortHeadway.ShouldBe(0.6988, 0.005);
        shortHeadway.ShouldBeLessThan(standardHeadway);
    }

    private static OrientedBox Box(Scenes.AgentState s) => new(new Point2(s.X, s.Y), s.Heading, Road.CarLength, Road.CarWidth);
}
