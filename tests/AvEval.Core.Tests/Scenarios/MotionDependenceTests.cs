using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Tests.Scenarios;

/// <summary>What candidates control and what metrics depend on: the two declarations that decide whether a scenario tests a candidate.</summary>
public sealed class MotionDependenceTests
{
    [Theory]
    [InlineData("lane_offset.navsim.max <= 1 m", MotionControl.Lateral)]
    [InlineData("lane_keeping.navsim.score == 1", MotionControl.Lateral)]
    [InlineData("lane_change.count == 1", MotionControl.Lateral)]
    [InlineData("no event lane_deviation", MotionControl.Lateral)]
    [InlineData("speed.mean >= 10 m/s", MotionControl.Longitudinal)]
    [InlineData("accel.lon.min >= -4 m/s^2", MotionControl.Longitudinal)]
    [InlineData("jerk.lon.max <= 4 m/s^3", MotionControl.Longitudinal)]
    [InlineData("hard_braking.count == 0", MotionControl.Longitudinal)]
    [InlineData("no event hard_braking", MotionControl.Longitudinal)]
    [InlineData("accel.lat.max <= 4 m/s^2", MotionControl.Both)]
    [InlineData("thw.gap.min >= 1 s", MotionControl.Both)]
    [InlineData("ttc.nuplan.min >= 0.95 s", MotionControl.Both)]
    [InlineData("collisions.nuplan.at_fault.count == 0", MotionControl.Both)]
    [InlineData("no event cut_in", MotionControl.Both)]
    [InlineData("evaluator hard_braking_detector@1 probability < 0.5", MotionControl.Both)]
    public void DependsOn_Expectation_DeclaredPart(string expectation, MotionControl expected)
    {
        var parsed = ExpectationParser.Parse(expectation, SourceLocation.InCode);

        PublishedMetrics.DependsOn(parsed).ShouldBe(expected);
    }

    [Fact]
    public void RuleAnalyzers_EveryMetric_DependsOnSomePartOfTheMotion()
    {
        PublishedMetrics.RuleAnalyzers.Where(m => m.DependsOn == MotionControl.None).ShouldBeEmpty();
        PublishedMetrics.EventKinds.ShouldAllBe(k => PublishedMetrics.EventDependence.ContainsKey(k));
    }

    [Fact]
    public void Controls_EachCandidateKind_Declared()
    {
        var catalog = CandidateCatalog.Load(Path.Combine(RepoPaths.Root, "scenarios", "candidates.yaml"));

        catalog.Candidates.Select(c => (c.Id.Value, c.Controls)).ShouldBe(
        [
            ("human", MotionControl.Both),
            ("rc-2026.12.1", MotionControl.Longitudinal),
            ("rc-2026.12.2-short-gap", MotionControl.Longitudinal),
            ("rc-2027.01.1-lane-centre", MotionControl.Both),
            ("rc-2027.02.1-mobil", MotionControl.Both),
            ("rc-2027.02.2-eager-lane-change", MotionControl.Both),
            ("rc-2027.03.1-cautious", MotionControl.Both),
            ("rc-2027.03.2-noisy-gap", MotionControl.Both),
        ]);
    }

    [Theory]
    [InlineData(MotionControl.Longitudinal, "lane_offset.navsim.max <= 1 m", false)]
    [InlineData(MotionControl.Lateral, "lane_offset.navsim.max <= 1 m", true)]
    [InlineData(MotionControl.Longitudinal, "thw.gap.min >= 1 s", true)]
    [InlineData(MotionControl.Lateral, "speed.mean >= 10 m/s", false)]
    public void IsControlled_CandidateAndExpectation_WhenTheirPartsOverlap(MotionControl controls, string expectation, bool expected)
    {
        var parsed = ExpectationParser.Parse(expectation, SourceLocation.InCode);

        PublishedMetrics.IsControlled(controls, parsed).ShouldBe(expected);
    }
}
