using AvEval.Analysis.NuPlan;
using AvEval.Scenes;
using static AvEval.Tests.Analysis.NuPlan.NuPlanScenes;

namespace AvEval.Tests.Analysis.NuPlan;

public sealed class NuPlanProgressAnalyzerTests
{
    private static readonly TrackId ExpertId = new("expert");

    // The expert drives 10 m/s along +x for 2 s (21 frames of 0.1 s): 20 m of progress.
    private static readonly Track Expert = Vehicle(ExpertId, Straight(0, 10, 0, 21, 0.1));

    [Fact]
    public void Analyze_EgoDrivesHalfTheExpertDistance_RatioHalfAndMakingProgress()
    {
        // Ego 5 m/s for 2 s: 10 m; ratio = max(10, 2) / max(20, 2) = 0.5.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 5, 0, 21, 0.1)));

        var e = new NuPlanProgressAnalyzer(Expert).Analyze(drive);

        e.Metric(NuPlanProgressAnalyzer.Ratio).Value!.Value.ShouldBe(0.5, 1e-9);
        e.Metric(NuPlanProgressAnalyzer.EgoProgress).Value!.Value.ShouldBe(10.0, 1e-9);
        e.Metric(NuPlanProgressAnalyzer.MakingProgress).Value.ShouldBe(1.0);
    }

    [Fact]
    public void Analyze_EgoStandsStill_RatioBelowPointTwoAndNotMakingProgress()
    {
        // Ego progress 0 → floored at 2 m: ratio = 2 / 20 = 0.1 < 0.2.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 0, 0, 21, 0.1)));

        var e = new NuPlanProgressAnalyzer(Expert).Analyze(drive);

        e.Metric(NuPlanProgressAnalyzer.Ratio).Value!.Value.ShouldBe(0.1, 1e-9);
        e.Metric(NuPlanProgressAnalyzer.MakingProgress).Value.ShouldBe(0.0);
    }

    [Fact]
    public void Analyze_EgoReversesThreeMetres_RatioZero()
    {
        // Ego −1.5 m/s for 2 s: −3 m, below −2 m → 0.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, -1.5, 0, 21, 0.1)));

        var e = new NuPlanProgressAnalyzer(Expert).Analyze(drive);

        e.Metric(NuPlanProgressAnalyzer.EgoProgress).Value!.Value.ShouldBe(-3.0, 1e-9);
        e.Metric(NuPlanProgressAnalyzer.Ratio).Value.ShouldBe(0.0);
    }

    [Fact]
    public void Analyze_EgoAheadOfTheExpert_RatioCappedAtOne()
    {
        // Ego 15 m/s: 30 m past the expert's 20 m; measured on the route extended past its end; min(1, 30/20) = 1.
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 15, 0, 21, 0.1)));

        var e = new NuPlanProgressAnalyzer(Expert).Analyze(drive);

        e.Metric(NuPlanProgressAnalyzer.EgoProgress).Value!.Value.ShouldBe(30.0, 1e-9);
        e.Metric(NuPlanProgressAnalyzer.Ratio).Value.ShouldBe(1.0);
    }

    [Fact]
    public void Analyze_NoExpert_NoValueWithReason()
    {
        var drive = Drive(0.1, Vehicle(Ego, Straight(0, 5, 0, 21, 0.1)));

        var e = new NuPlanProgressAnalyzer().Analyze(drive);

        foreach (var name in (string[])[NuPlanProgressAnalyzer.Ratio, NuPlanProgressAnalyzer.MakingProgress, NuPlanProgressAnalyzer.EgoProgress])
        {
            e.Metric(name).Value.ShouldBeNull();
            e.Metric(name).Reason.ShouldBe("The drive has no expert trajectory whose route the progress could be measured along; pass the recorded track as the expert.");
        }
    }
}
