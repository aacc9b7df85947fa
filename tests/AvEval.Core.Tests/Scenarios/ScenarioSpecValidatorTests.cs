using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Scenarios;

namespace AvEval.Tests.Scenarios;

public sealed class ScenarioSpecValidatorTests
{
    private static readonly ScenarioSpecValidator Validator = new(
        [Metric("ttc.nuplan.min", Unit.Second), Metric("thw.gap.min", Unit.Second), Metric("speed.mean", Unit.MetrePerSecond)],
        [EventKind.HardBraking, EventKind.CutIn]);

    private static MetricDescriptor Metric(string name, Unit unit) => new(name, unit, "test metric " + name, MetricAuthority.AvEval, MotionControl.Both);

    [Fact]
    public void Validate_KnownNamesAndUnits_NoProblems()
    {
        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, ScenarioYaml.Valid);

        Validator.Validate(spec).ShouldBeEmpty();
    }

    [Fact]
    public void EnsureValid_MisspelledMetric_SuggestsAndLists()
    {
        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, ScenarioYaml.WithLine(11, "  - ttc.nuplna.min >= 0.95 s"));

        var error = Record.Exception(() => Validator.EnsureValid(spec));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{ScenarioYaml.File}:11:5: expectation 'ttc.nuplna.min >= 0.95 s': unknown metric 'ttc.nuplna.min'; did you mean 'ttc.nuplan.min'? known metrics are speed.mean, thw.gap.min, ttc.nuplan.min.");
    }

    [Fact]
    public void EnsureValid_UnitMismatch_NamesBothUnits()
    {
        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, ScenarioYaml.WithLine(11, "  - thw.gap.min >= 1 m"));

        var error = Record.Exception(() => Validator.EnsureValid(spec));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{ScenarioYaml.File}:11:5: expectation 'thw.gap.min >= 1 m': unit 'm' (length) does not fit metric 'thw.gap.min' in 's' (time); write the value in s or ms.");
    }

    [Fact]
    public void Validate_UnknownEventAndEvaluator_OneProblemEach()
    {
        var yaml = ScenarioYaml.WithLine(12, "  - no event tailgating\n  - evaluator cut_in_detector@1 probability >= 0.5");
        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml);

        var problems = Validator.Validate(spec).Select(p => p.Message).ToList();

        problems.ShouldBe([
            $"{ScenarioYaml.File}:12:5: expectation 'no event tailgating': unknown event kind 'tailgating'; known kinds are cut_in, hard_braking.",
            $"{ScenarioYaml.File}:13:5: expectation 'evaluator cut_in_detector@1 probability >= 0.5': unknown evaluator 'cut_in_detector@1': learned evaluators are not available in this build.",
        ]);
    }
}
