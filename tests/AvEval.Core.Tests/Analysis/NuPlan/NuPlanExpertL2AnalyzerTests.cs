using AvEval.Analysis.NuPlan;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanExpertL2AnalyzerTests
{
    // Ego and expert share the Pacifica footprint and heading 0, so their box centres are their rear axles moved by the
    // same 1.461 m along x: the L2 error is the distance between the rear axles.
    private static NuPlanHistory History(EgoSample[] ego, EgoSample[] expert) =>
        new(new TrackId("ego"), EgoVehicle.Pacifica, ego, [.. ego.Select(_ => (IReadOnlyList<NuPlanAgent>)[])], [.. ego.Select(_ => EgoMapState.InOneLane)], expert);

    private static EgoSample At(double t, double x, double y) => new(t, x, y, 0, 0, 0, 0, 0);

    [Fact]
    public void Analyze_ExpertShorterThanEgo_LeavesTheExtraEgoStatesOutAndSaysSo()
    {
        // Ego at t = 0…4 s on y = 0; expert at t = 0…2 s on y = 1: three pairs at 1 m each; two ego states unmatched.
        var ego = Enumerable.Range(0, 5).Select(k => At(k, 10 * k, 0)).ToArray();
        var expert = Enumerable.Range(0, 3).Select(k => At(k, 10 * k, 1)).ToArray();

        var e = new NuPlanExpertL2Analyzer().Analyze(History(ego, expert));

        e.Metric(NuPlanExpertL2Analyzer.Name("max")).Value.ShouldBe(1.0);
        e.Metric(NuPlanExpertL2Analyzer.Name("mean")).Value.ShouldBe(1.0);
        e.Series[0].TimesSeconds.ShouldBe([0.0, 1.0, 2.0]);
        const string expected = "Matched '3' of '5' ego states to the expert state at the same time (within 1 µs); '2' ego states had no expert state at their time and are left out.";
        e.Diagnostics.ShouldBe([expected]);
        e.Metric(NuPlanExpertL2Analyzer.Name("p90")).Reason.ShouldBe(expected);
    }

    [Fact]
    public void Analyze_ExpertLacksTheEgoTime_DoesNotPairStatesFromDifferentTimes()
    {
        // Ego at t = 0, 1, 2 s (x = 10 t); expert at t = 0, 2, 3 s, 1 m to the left. The ego state at t = 1 s has no
        // expert state: it is left out (pairing it with the expert's second state, at t = 2 s, would give
        // √(10² + 1²) ≈ 10.05 m). Pairs t = 0 and t = 2: 1 m each.
        EgoSample[] ego = [At(0, 0, 0), At(1, 10, 0), At(2, 20, 0)];
        EgoSample[] expert = [At(0, 0, 1), At(2, 20, 1), At(3, 30, 1)];

        var e = new NuPlanExpertL2Analyzer().Analyze(History(ego, expert));

        e.Metric(NuPlanExpertL2Analyzer.Name("max")).Value.ShouldBe(1.0);
        e.Series[0].TimesSeconds.ShouldBe([0.0, 2.0]);
        e.Diagnostics.ShouldBe(["Matched '2' of '3' ego states to the expert state at the same time (within 1 µs); '1' ego states had no expert state at their time and are left out."]);
    }

    [Fact]
    public void Analyze_NoCommonTimes_MatchesByPositionAsNuPlanAndSaysSo()
    {
        // Expert on another clock (t = 100, 101 s): paired by position as nuPlan's compute_traj_errors; the expert is
        // 2 m to the left of ego states 0 and 1; ego state 2 has no partner.
        EgoSample[] ego = [At(0, 0, 0), At(1, 10, 0), At(2, 20, 0)];
        EgoSample[] expert = [At(100, 0, 2), At(101, 10, 2)];

        var e = new NuPlanExpertL2Analyzer().Analyze(History(ego, expert));

        e.Metric(NuPlanExpertL2Analyzer.Name("mean")).Value.ShouldBe(2.0);
        e.Series[0].TimesSeconds.ShouldBe([0.0, 1.0]);
        const string expected = "No ego state has an expert state at its time, so the states were matched by list position as nuPlan's compute_traj_errors: '2' of '3' ego states matched; '1' beyond the expert's '2' states are left out.";
        e.Diagnostics.ShouldBe([expected]);
        e.Metric(NuPlanExpertL2Analyzer.Name("max")).Reason.ShouldBe(expected);
    }
}
