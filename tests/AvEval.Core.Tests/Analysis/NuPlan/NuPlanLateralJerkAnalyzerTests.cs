using AvEval.Analysis.NuPlan;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanLateralJerkAnalyzerTests
{
    [Fact]
    public void Analyze_LateralAccelerationRampingAtOnePerSecond_JerkOne()
    {
        // Independent calculation: a_lat = 0.1 · i over 7 states at 0.1 s is linear in time. With 7 states both windows
        // shrink to 7 (odd, centred), so the order-2 SG smoothing leaves a line unchanged and the order-2 SG derivative
        // of a line is its slope, 1 m/s³, at every state. (From 8 states on, nuPlan's even smoothing window of 8 is
        // centred between samples and no longer returns the line itself.)
        var states = Enumerable.Range(0, 7).Select(i => new EgoSample(i * 0.1, i, 0, 0, 10, 0, 0, 0.1 * i)).ToList();
        var history = new NuPlanHistory(new TrackId("ego"), EgoVehicle.Pacifica, states, [.. states.Select(_ => (IReadOnlyList<NuPlanAgent>)[])], [.. states.Select(_ => EgoMapState.InOneLane)]);

        var e = new NuPlanLateralJerkAnalyzer().Analyze(history);

        e.Series[0].Values.ShouldAllBe(v => Math.Abs(v - 1.0) < 1e-6, string.Join(", ", e.Series[0].Values));
        e.Metric(NuPlanLateralJerkAnalyzer.Name("max")).Value!.Value.ShouldBe(1.0, 1e-6);
        e.Metric(NuPlanLateralJerkAnalyzer.Name("min")).Value!.Value.ShouldBe(1.0, 1e-6);
    }
}
