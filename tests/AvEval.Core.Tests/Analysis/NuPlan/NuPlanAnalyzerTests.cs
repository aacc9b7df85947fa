using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Scenes;
using CsCheck;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanAnalyzerTests
{
    [Fact]
    public void Comfort_ConstantDeceleration5_LonMinusFiveAndUncomfortable()
    {
        // 20 m/s braking at a constant 5 m/s² for 3 s: SG smoothing reproduces a constant exactly, so every
        // accel.lon sample is −5 < −4.05 (out of bound); the jerks of a constant are 0; heading constant → yaw 0.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 20, -5, 30, 0.1)));

        var e = new NuPlanComfortAnalyzer().Analyze(drive);

        e.Metric("accel.lon.min").Value!.Value.ShouldBe(-5, 1e-6);
        e.Metric("accel.lon.max").Value!.Value.ShouldBe(-5, 1e-6);
        e.Metric("accel.lon.within_bound").Value.ShouldBe(0);
        e.Metric("jerk.lon.max").Value!.Value.ShouldBe(0, 1e-6);
        e.Metric("yaw_rate.max").Value!.Value.ShouldBe(0, 1e-9);
        e.Metric(NuPlanComfortAnalyzer.ComfortValue).Value.ShouldBe(0);
        var ev = e.EventsOf(EventKind.Uncomfortable).ShouldHaveSingleItem();
        ev.StartSeconds.ShouldBe(0.0, 1e-9);
        ev.EndSeconds.ShouldBe(3.0, 1e-9);
        ev.Evidence["peak_m_per_s2"].ShouldBe(-5, 1e-6);
        ev.Evidence["bound_m_per_s2"].ShouldBe(-4.05);
    }

    [Fact]
    public void Comfort_NoRecordedAcceleration_DerivesItFromVelocity()
    {
        // Velocity falls linearly by 0.3 m/s per 0.1 s frame: finite differences give −3 m/s² everywhere (within bound).
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 20, -3, 30, 0.1), hasAcceleration: false));

        var e = new NuPlanComfortAnalyzer().Analyze(drive);

        e.Metric("accel.lon.mean").Value!.Value.ShouldBe(-3, 1e-6);
        e.Metric(NuPlanComfortAnalyzer.ComfortValue).Value.ShouldBe(1);
        e.EventsOf(EventKind.Uncomfortable).ShouldBeEmpty();
    }

    [Fact]
    public void TimeToCollision_Closing10MetresPerSecondWith10MetreGap_OneSecond()
    {
        // Ego (4 m long) at 15 m/s, lead (4 m) at 5 m/s, centres 14 m apart: gap 14 − 4 = 10 m closing at 10 m/s →
        // the boxes touch after 1.0 s. Each 0.1 s frame the gap shrinks 1 m: TTC 1.0, 0.9, 0.8 s → min 0.8 < 0.95.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 15, 0, 3, 0.1)), Vehicle(Lead, Straight(14, 5, 0, 3, 0.1)));

        var e = new NuPlanTimeToCollisionAnalyzer().Analyze(drive);

        var ttc = e.Series.Single(s => s.Name == NuPlanTimeToCollisionAnalyzer.Series).Values;
        ttc[0].ShouldBe(1.0, 1e-9);
        ttc[1].ShouldBe(0.9, 1e-9);
        e.Metric(NuPlanTimeToCollisionAnalyzer.Minimum).Value!.Value.ShouldBe(0.8, 1e-9);
        e.Metric(NuPlanTimeToCollisionAnalyzer.WithinBound).Value.ShouldBe(0);
        var low = e.EventsOf(EventKind.LowTimeToCollision).ShouldHaveSingleItem();
        low.Agents.ShouldBe([Lead]);
        low.StartSeconds.ShouldBe(0.1, 1e-9);
    }

    [Fact]
    public void Collisions_FrontIntoStoppedVehicle_StoppedTrackAtFaultWithHalfEgoSpeed()
    {
        // Ego at 10 m/s overlaps a stopped vehicle ahead: class STOPPED_TRACK (at fault); Δv = 2000/4000 · sqrt(10²) = 5 m/s;
        // score = max(0, 1 − 1/(0+1)) = 0 for vehicles.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 10, 0, 2, 0.1)), Vehicle(Lead, Straight(3.5, 0, 0, 2, 0.1)));

        var e = new NuPlanCollisionAnalyzer().Analyze(drive);

        e.Metric(NuPlanCollisionAnalyzer.NoAtFaultValue).Value.ShouldBe(0);
        e.Metric(NuPlanCollisionAnalyzer.VehicleCount).Value.ShouldBe(1);
        e.Metric(NuPlanCollisionAnalyzer.ClassCount(CollisionClass.StoppedTrack)).Value.ShouldBe(1);
        e.Metric(NuPlanCollisionAnalyzer.DeltaV("vehicle", "max")).Value!.Value.ShouldBe(5, 1e-9);
        e.Metric(NuPlanCollisionAnalyzer.Score).Value.ShouldBe(0);
        e.EventsOf(EventKind.Collision).ShouldHaveSingleItem().Agents.ShouldBe([Lead]);
    }

    [Fact]
    public void Collisions_SameHeadingNearlyEqualSpeeds_DeltaVIsZeroNotNaN()
    {
        // Same heading, speeds 6.862866638113579 and the next double up: Δv = ½·|v_e − v_a| ≈ 4e-16 m/s by hand, but
        // v_e² + v_a² − 2·v_e·v_a evaluates to −1.4e-14 in doubles (checked in Python), whose square root is NaN.
        // The lead's centre is 3.5 m ahead and the boxes are 4 m long, so the ego's front edge (x = 2) is inside it.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 6.862866638113579, 0, 2, 0.1)), Vehicle(Lead, Straight(3.5, 6.86286663811358, 0, 2, 0.1)));

        var e = new NuPlanCollisionAnalyzer().Analyze(drive);

        e.Metric(NuPlanCollisionAnalyzer.VehicleCount).Value.ShouldBe(1);
        e.Metric(NuPlanCollisionAnalyzer.DeltaV("vehicle", "max")).Value!.Value.ShouldBe(0, 1e-9);
        e.EventsOf(EventKind.Collision).ShouldHaveSingleItem().Evidence["delta_v_m_per_s"].ShouldBe(0, 1e-9);
    }

    [Fact]
    public void Analyzers_RigidMotionOfTheScene_ChangeNoMetric()
    {
        // A curving, braking ego behind a lead: metrics are frame-invariant, so rotating and translating the whole
        // scene must change none of them (beyond rounding noise).
        var egoStates = Enumerable.Range(0, 40).Select(i =>
        {
            double t = i * 0.1, h = 0.2 * t, v = 12 - (2 * t);
            return new AgentState(v * t, 0.5 * t * t, h, v * Math.Cos(h), v * Math.Sin(h), -2 * Math.Cos(h), -2 * Math.Sin(h));
        }).ToArray();
        var drive = Drive(0.1, Vehicle(Ego, egoStates), Vehicle(Lead, Straight(14.3, 6, 0, 40, 0.1)));
        // The lead's track stands in for the expert of the progress analyzer; it must move with the scene.
        IDriveAnalyzer[] Analyzers(Drive d) => [new NuPlanComfortAnalyzer(), new NuPlanTimeToCollisionAnalyzer(), new NuPlanCollisionAnalyzer(), new NuPlanMeanSpeedAnalyzer(), new NuPlanDrivingDirectionAnalyzer(), new NuPlanProgressAnalyzer(d.Scene[Lead])];
        var baseline = Analyzers(drive).SelectMany(a => a.Analyze(drive).Metrics).ToList();
        baseline.Single(m => m.Name == NuPlanTimeToCollisionAnalyzer.Minimum).Value!.Value.ShouldBeLessThan(3.0, "the scene must exercise a finite TTC");

        Gen.Select(Gen.Double[-Math.PI, Math.PI], Gen.Double[-1e4, 1e4], Gen.Double[-1e4, 1e4]).Sample((theta, tx, ty) =>
        {
            var movedDrive = Moved(drive, theta, tx, ty);
            var moved = Analyzers(movedDrive).SelectMany(a => a.Analyze(movedDrive).Metrics).ToList();
            for (int i = 0; i < baseline.Count; i++)
            {
                moved[i].Name.ShouldBe(baseline[i].Name);
                if (baseline[i].Value is null)
                {
                    // Δv statistics of a group without at-fault collisions: no value, the same reason.
                    moved[i].Value.ShouldBeNull(moved[i].Name);
                    moved[i].Reason.ShouldBe(baseline[i].Reason);
                    continue;
                }

                double expected = baseline[i].Value!.Value, actual = moved[i].Value!.Value;
                (actual == expected || Math.Abs(actual - expected) <= 1e-5).ShouldBeTrue($"{moved[i].Name}: '{expected}' became '{actual}'");
            }
        }, iter: 50);
    }
}
