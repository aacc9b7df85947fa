using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Kinematics;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanOpenLoopAnalyzerTests
{
    [Fact]
    public void Plan_AboveMaxVelocity_CarriesTheCorrectiveDecelerationAsNuPlansCodeDoes()
    {
        // simple_planner.py + kinematic_bicycle.py, by hand: v = 6 > 5 → a = 5 − 6 = −1; x += 6 · 1 = 6, v = 5. Next
        // step 5 is not > 5, so the state's own acceleration (−1) is kept: x = 11, v = 4; then x = 15, v = 3.
        var plan = new NuPlanSimplePlanner().Plan(new EgoSample(0, 0, 0, 0, 6, 0, 0, 0));

        plan.Count.ShouldBe(11);
        plan.Take(4).Select(s => (s.TimeSeconds, s.X, s.VLon, s.ALon)).ShouldBe([(0.0, 0.0, 6.0, 0.0), (1.0, 6.0, 5.0, -1.0), (2.0, 11.0, 4.0, -1.0), (3.0, 15.0, 3.0, -1.0)]);
    }

    [Fact]
    public void Plan_Steering_TurnsAtSpeedTimesTanOverWheelBase()
    {
        // yaw rate = 4 · tan(0.1) / 3.089 = 0.129747… rad/s; heading after 1 s = that; x after 1 s = 4 (heading 0 during the step).
        var plan = new NuPlanSimplePlanner(steeringAngle: 0.1).Plan(new EgoSample(0, 0, 0, 0, 4, 0, 0, 0));

        plan[1].Heading.ShouldBe(4 * Math.Tan(0.1) / 3.089, 1e-12);
        plan[1].X.ShouldBe(4.0, 1e-12);
    }

    [Fact]
    public void Analyze_LogAtConstantSpeedBelowTheCap_ZeroErrorsFullScore()
    {
        // A straight log at 4 m/s (< 5 m/s): SimplePlanner's constant-velocity proposal is the log itself, so every
        // error is 0, nothing is missed and the open-loop score is 1 · mean(1, 1, 1, 1) = 1. 12 s at 0.1 s: states
        // sampled every 10, those with 8 s of log after them are t = 0..4 s (5 of 13).
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 4, 0, 121, 0.1)));

        var e = new NuPlanOpenLoopAnalyzer().Analyze(drive);

        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "mean")).Value!.Value.ShouldBe(0, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("fhe", "h8.mean")).Value!.Value.ShouldBe(0, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("miss_rate", "within_bound")).Value.ShouldBe(1);
        e.Metric(NuPlanOpenLoopAnalyzer.Score).Value!.Value.ShouldBe(1, 1e-9);
        e.Diagnostics.ShouldContain(d => d.Contains("'8' of '13' sampled ego states have less than '8' s of expert states after them and are left out."));
    }

    [Fact]
    public void Analyze_LogAtTenMetresPerSecond_ErrorsGrowFromTheSpeedCap()
    {
        // By hand from nuPlan's code: at 10 m/s the cap gives a = −5, carried while |v| ≤ 5 and reset to 5 − |v| above:
        // v = 10, 5, 0, −5, −10, −15, −25, −45; positions 10, 15, 15, 10, 0, −15, −40, −85 m (nuPlan's planner does
        // reverse) against the log's 10, 20, …, 80 m: distances 0, 5, 15, 30, 50, 75, 110, 165 m from every sampled
        // state. ADE at 3 s = 20/3, at 5 s = 20, at 8 s = 450/8 = 56.25; mean > 8 → not within bound, score 0.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 10, 0, 91, 0.1)));

        var e = new NuPlanOpenLoopAnalyzer().Analyze(drive);

        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "h3.mean")).Value!.Value.ShouldBe(20.0 / 3, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "h5.mean")).Value!.Value.ShouldBe(20.0, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "h8.mean")).Value!.Value.ShouldBe(56.25, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("fde", "h3.mean")).Value!.Value.ShouldBe(15.0, 1e-9);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "within_bound")).Value.ShouldBe(0);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("ade", "score")).Value.ShouldBe(0);
        e.Metric(NuPlanOpenLoopAnalyzer.Name("miss_rate", "h3.ratio")).Value.ShouldBe(1);
        e.Metric(NuPlanOpenLoopAnalyzer.Score).Value.ShouldBe(0);
    }

    [Fact]
    public void Analyze_ShorterThanTheHorizon_NoValueWithTheReason()
    {
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 4, 0, 50, 0.1)));

        var e = new NuPlanOpenLoopAnalyzer().Analyze(drive);

        var score = e.Metric(NuPlanOpenLoopAnalyzer.Score);
        score.Value.ShouldBeNull();
        score.Reason.ShouldBe("No sampled ego state has '8' s of expert states after it ('5' expert samples at 1 Hz); nuPlan's open-loop metrics need them.");
    }
}
