using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Tests.Scenarios;

public sealed class VerdictTests
{
    private static readonly CandidateId Candidate = new("rc-2026.12.1");

    private static ScenarioSpec Spec(string severity) =>
        ScenarioSpecLoader.Parse(ScenarioYaml.File, ScenarioYaml.WithLine(5, $"severity: {severity}"));

    private static Evaluation Evaluation(double ttc, double? speed) => new(
        new TrackId("1234"),
        ["test"],
        [
            new Metric("ttc.nuplan.min", ttc, Unit.Second, "nuPlan time_to_collision_within_bound"),
            new Metric("speed.mean", speed, Unit.MetrePerSecond, "mean of ego speed", speed is null ? "ego track empty in the window" : null),
        ],
        [],
        [],
        []);

    [Fact]
    public void Judge_AllHold_Pass()
    {
        var verdict = Verdict.Judge(Spec("blocking"), Candidate, Evaluation(1.5, 25));

        verdict.Outcome.ShouldBe(Outcome.Pass);
        verdict.BlocksRelease.ShouldBeFalse();
        verdict.ScenarioId.ShouldBe("cut_in/us101-22-veh-1234");
        verdict.Expectations.Select(e => e.Outcome).ShouldBe([Outcome.Pass, Outcome.Pass, Outcome.Pass]);
    }

    [Fact]
    public void Judge_OneFailsOneInconclusive_FailWins()
    {
        var verdict = Verdict.Judge(Spec("blocking"), Candidate, Evaluation(0.5, null));

        verdict.Outcome.ShouldBe(Outcome.Fail);
        verdict.BlocksRelease.ShouldBeTrue();
    }

    [Fact]
    public void Judge_InconclusiveOnBlocking_BlocksRelease()
    {
        var verdict = Verdict.Judge(Spec("blocking"), Candidate, Evaluation(1.5, null));

        verdict.Outcome.ShouldBe(Outcome.Inconclusive);
        verdict.BlocksRelease.ShouldBeTrue();
        verdict.Describe().ShouldBe(
            "cut_in/us101-22-veh-1234 @ rc-2026.12.1: inconclusive (blocking); inconclusive counts as failing for a blocking scenario"
            + Environment.NewLine
            + "  inconclusive: speed.mean has no value (ego track empty in the window), so 'speed.mean <= 100 km/h' cannot be judged.");
    }

    [Fact]
    public void Judge_FailOnWarning_DoesNotBlock()
    {
        var verdict = Verdict.Judge(Spec("warning"), Candidate, Evaluation(0.5, 25));

        verdict.Outcome.ShouldBe(Outcome.Fail);
        verdict.BlocksRelease.ShouldBeFalse();
    }
}
