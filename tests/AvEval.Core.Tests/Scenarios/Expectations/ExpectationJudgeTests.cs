using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

namespace AvEval.Tests.Scenarios.Expectations;

public sealed class ExpectationJudgeTests
{
    private static readonly TrackId Ego = new("7");
    private const string TtcDefinition = "nuPlan time_to_collision_within_bound";

    private static Expectation Parse(string text) => ExpectationParser.Parse(text, SourceLocation.InCode);

    private static Evaluation With(params Metric[] metrics) => Evaluation.Empty(Ego) with { Analyzers = ["test"], Metrics = metrics };

    [Fact]
    public void Judge_TtcBelowBound_FailsSayingWhenAndWithWhom()
    {
        var evaluation = With(new Metric("ttc.nuplan.min", 0.62, Unit.Second, TtcDefinition)) with
        {
            Series = [new MetricSeries("ttc.nuplan", Unit.Second, TtcDefinition, [12.2, 12.3, 12.4], [0.8, 0.62, 0.7])],
            Events = [new DrivingEvent(EventKind.LowTimeToCollision, 12.1, 12.9, [new TrackId("1234")], new Dictionary<string, double>(), "TTC below 0.95 s.")],
        };

        var outcome = Parse("ttc.nuplan.min >= 0.95 s").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Fail);
        outcome.Message.ShouldBe("ttc.nuplan.min was 0.62 s, expected >= 0.95 s (nuPlan time_to_collision_within_bound); lowest at t=12.3 s against track 1234 (low_ttc).");
        (outcome.Measured, outcome.Expected, outcome.Unit).ShouldBe((0.62, 0.95, "s"));
    }

    [Fact]
    public void Judge_TtcAboveBound_Passes()
    {
        var outcome = Parse("ttc.nuplan.min >= 0.95 s").Judge(With(new Metric("ttc.nuplan.min", 1.4, Unit.Second, TtcDefinition)));

        outcome.Outcome.ShouldBe(Outcome.Pass);
        outcome.Message.ShouldBe("ttc.nuplan.min was 1.4 s, expected >= 0.95 s (nuPlan time_to_collision_within_bound).");
    }

    [Fact]
    public void Judge_NoTtcAtAll_InfinityPasses()
    {
        var outcome = Parse("ttc.nuplan.min >= 0.95 s").Judge(With(new Metric("ttc.nuplan.min", double.PositiveInfinity, Unit.Second, TtcDefinition)));

        outcome.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void Judge_SpeedInKmhAgainstMetreSecond_ConvertsBothWays()
    {
        // 28 m/s × 3.6 = 100.8 km/h > 100 km/h; 27.7 m/s × 3.6 = 99.72 km/h.
        var fast = With(new Metric("speed.mean", 28.0, Unit.MetrePerSecond, "mean of ego speed"));
        var slow = With(new Metric("speed.mean", 27.7, Unit.MetrePerSecond, "mean of ego speed"));
        var expectation = Parse("speed.mean <= 100 km/h");

        var failing = expectation.Judge(fast);
        var passing = expectation.Judge(slow);

        failing.Outcome.ShouldBe(Outcome.Fail);
        failing.Message.ShouldBe("speed.mean was 100.8 km/h (28 m/s), expected <= 100 km/h (mean of ego speed).");
        failing.Measured!.Value.ShouldBe(100.8, 1e-9);
        passing.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void Judge_ExactlyOnBoundAfterConversion_EqualityHolds()
    {
        // 100 km/h is 27.777… m/s; 250/9 is the same number.
        var evaluation = With(new Metric("speed.mean", 250.0 / 9.0, Unit.MetrePerSecond, "mean of ego speed"));

        Parse("speed.mean == 100 km/h").Judge(evaluation).Outcome.ShouldBe(Outcome.Pass);
        Parse("speed.mean < 100 km/h").Judge(evaluation).Outcome.ShouldBe(Outcome.Fail);
    }

    [Fact]
    public void Judge_MetricAbsent_InconclusiveListingReportedNames()
    {
        var evaluation = With(new Metric("accel.lon.min", -1.0, Unit.MetrePerSecondSquared, "nuPlan ego_lon_acceleration"));

        var outcome = Parse("ttc.nuplan.min >= 0.95 s").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("ttc.nuplan.min was not reported by any analyzer, so 'ttc.nuplan.min >= 0.95 s' cannot be judged; reported metrics are accel.lon.min.");
        outcome.Measured.ShouldBeNull();
    }

    [Fact]
    public void Judge_MetricWithoutValue_InconclusiveWithReason()
    {
        var evaluation = With(new Metric("thw.gap.min", null, Unit.Second, "gap / ego speed", "no lead vehicle in the window"));

        var outcome = Parse("thw.gap.min >= 1.0 s").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("thw.gap.min has no value (no lead vehicle in the window), so 'thw.gap.min >= 1.0 s' cannot be judged.");
    }

    [Fact]
    public void Judge_UnitOfWrongDimension_InconclusiveNamingBothUnits()
    {
        var evaluation = With(new Metric("thw.gap.min", 1.2, Unit.Second, "gap / ego speed"));

        var outcome = Parse("thw.gap.min >= 1 m").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("'thw.gap.min >= 1 m' cannot be judged: unit 'm' (length) does not fit metric 'thw.gap.min' in 's' (time); write the value in s or ms.");
    }

    [Fact]
    public void Judge_NoEventWithEvent_FailsWithTimeAndSummary()
    {
        var braking = new DrivingEvent(EventKind.HardBraking, 3.4, 5.1, [], new Dictionary<string, double> { ["min_accel_mps2"] = -5.2 }, "Braked at -5.2 m/s².");
        var evaluation = Evaluation.Empty(Ego) with { Analyzers = ["hard_braking"], Events = [braking] };

        var outcome = Parse("no event hard_braking").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Fail);
        outcome.Message.ShouldBe("hard_braking occurred once, expected never; first at t=3.4–5.1 s: Braked at -5.2 m/s².");
    }

    [Fact]
    public void Judge_NoEventWithoutEvents_Passes()
    {
        var outcome = Parse("no event hard_braking").Judge(Evaluation.Empty(Ego) with { Analyzers = ["hard_braking"] });

        outcome.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void Judge_NoEventWithoutAnyAnalyzer_Inconclusive()
    {
        var outcome = Parse("no event hard_braking").Judge(Evaluation.Empty(Ego));

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("no analyzer ran on this drive, so the absence of hard_braking events proves nothing.");
    }

    [Fact]
    public void Judge_NoEventWhenDetectorCouldNotLook_Inconclusive()
    {
        // A scene without lanes: the lane-change analyzer reports lane_change.count without a value and no events.
        var evaluation = With(new Metric("lane_change.count", null, Unit.Dimensionless, "lane change", "the scene has no lane map"));

        var outcome = Parse("no event lane_change").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("the lane_change detector did not look (lane_change.count has no value: the scene has no lane map), so the absence of lane_change events proves nothing.");
    }

    [Fact]
    public void Judge_EventPresentWhenDetectorCouldNotLook_Inconclusive()
    {
        var evaluation = With(new Metric("hard_braking.count", null, Unit.Dimensionless, "hard braking", "the drive is shorter than the smoothing window"));

        var outcome = Parse("event hard_braking present").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("the hard_braking detector did not look (hard_braking.count has no value: the drive is shorter than the smoothing window), so whether a hard_braking event happened is unknown.");
    }

    [Fact]
    public void Judge_MetricNaN_InconclusiveNotFail()
    {
        var evaluation = With(new Metric("speed.mean", double.NaN, Unit.MetrePerSecond, "mean of ego speed"));

        var outcome = Parse("speed.mean != 10 m/s").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("speed.mean has no value (it is NaN), so 'speed.mean != 10 m/s' cannot be judged.");
    }

    [Fact]
    public void Judge_EventPresentMissing_FailsListingFoundEvents()
    {
        var change = new DrivingEvent(EventKind.LaneChange, 1, 3, [], new Dictionary<string, double>(), "Changed lanes to the left.");
        var evaluation = Evaluation.Empty(Ego) with { Analyzers = ["lanes"], Events = [change] };

        var outcome = Parse("event cut_in present").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Fail);
        outcome.Message.ShouldBe("no cut_in event in the drive, expected at least one; events found: lane_change.");
    }

    [Fact]
    public void Judge_EventPresent_PassesNamingAgent()
    {
        var cutIn = new DrivingEvent(EventKind.CutIn, 4.2, 4.3, [new TrackId("1234")], new Dictionary<string, double>(), "Vehicle 1234 cut in 12 m ahead.");
        var evaluation = Evaluation.Empty(Ego) with { Analyzers = ["lanes"], Events = [cutIn] };

        var outcome = Parse("event cut_in present").Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Pass);
        outcome.Message.ShouldBe("cut_in present as expected, first at t=4.2–4.3 s with track 1234.");
    }

    [Fact]
    public void Judge_Evaluator_InconclusiveUnknownEvaluator()
    {
        var outcome = Parse("evaluator cut_in_detector@1 probability >= 0.5").Judge(With());

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe("'evaluator cut_in_detector@1 probability >= 0.5' cannot be judged: unknown evaluator 'cut_in_detector@1': learned evaluators are not available in this build.");
    }
}
