using AvEval.Analysis;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>Learned evaluators from C#: the same certification gate as scenario files, the same judging.</summary>
public class DriveAssertionsLearnedTests
{
    private const string Scenario = "hard_braking/lanker-2-1-veh-220-learned";

    [Fact]
    public void Learned_CertifiedDetectorOnAGentleDrive_ReadsTheSameProbabilityTheScenarioJudged()
    {
        var drive = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");
        var judged = drive.Evaluation.Metric("evaluator.hard_braking_detector@1.probability").Value!.Value;

        var probability = drive.Learned("hard_braking_detector@1").ShouldBeAtMost(0.5);

        probability.Metric.Value.ShouldBe(judged);
    }

    [Fact]
    public void Learned_RefusedDetector_FailsSayingItIsNotTrusted()
    {
        var drive = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");

        var error = Record.Exception(() => drive.Learned("cut_in_detector@1"));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith($"{Scenario} @ rc-2026.12.1: ");
        error.Message.ShouldContain("refused");
    }

    [Fact]
    public void Learned_DriveWithoutASuite_FailsSayingWhereToGetOne()
    {
        var recorded = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");
        var own = EvaluatedDrive.Analyze("my drive", recorded.Drive);

        var error = Record.Exception(() => own.Learned("hard_braking_detector@1"));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldBe("my drive: learned evaluators need the scenarios folder's model registry and golden sets; get the drive from ScenarioRun.Evaluate.");
    }

    [Fact]
    public void Learned_UnpinnedEvaluator_IsAnArgumentError()
    {
        var drive = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");

        var error = Record.Exception(() => drive.Learned("hard_braking_detector"));

        Assert.IsType<ArgumentException>(error);
        error.Message.ShouldStartWith("Learned evaluator 'hard_braking_detector' must be pinned to a version as 'id@version'");
    }
}

/// <summary>
/// The README's sample: a learned assertion on a scenario whose YAML does not pin the evaluator. It used to fail as
/// "inconclusive ... not reported by any analyzer" because the bound was judged against the drive's rule evaluation.
/// </summary>
public class DriveAssertionsLearnedUnpinnedTests
{
    private const string Scenario = "cut_in_response/us101-22-1-veh-681";
    private const string Metric = "evaluator.hard_braking_detector@1.probability";

    [Fact]
    public void Learned_EvaluatorTheScenarioDoesNotPin_JudgesItsOwnOutput()
    {
        var drive = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");
        drive.Evaluation.FindMetric(Metric).ShouldBeNull("the scenario must not pin the evaluator, or this test proves nothing");

        var probability = drive.Learned("hard_braking_detector@1").ShouldBeAtLeast(0.5);

        probability.Metric.Value!.Value.ShouldBeGreaterThan(0.99);
        probability.Drive.Evaluation.Metric(Metric).Value.ShouldBe(probability.Metric.Value);
    }

    [Fact]
    public void Learned_EvaluatorTheScenarioDoesNotPin_FailingBoundFailsWithTheMeasuredValue()
    {
        var drive = ScenarioRun.Evaluate(Scenario, "rc-2026.12.1");

        var error = Record.Exception(() => drive.Learned("hard_braking_detector@1").ShouldBeAtMost(0.5));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith($"{Scenario} @ rc-2026.12.1: fail: '{Metric} <= 0.5 1': ");
    }
}
