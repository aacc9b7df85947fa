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
