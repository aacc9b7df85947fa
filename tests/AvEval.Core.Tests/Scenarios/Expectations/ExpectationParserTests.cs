using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Tests.Scenarios.Expectations;

public sealed class ExpectationParserTests
{
    private static readonly SourceLocation At = new("s.yaml", 11, 5);

    [Theory]
    [InlineData("ttc.nuplan.min >= 0.95 s", "ttc.nuplan.min", "ttc.nuplan", "min", ">=", 0.95, "s")]
    [InlineData("thw.gap.min >= 1.0 s", "thw.gap.min", "thw.gap", "min", ">=", 1.0, "s")]
    [InlineData("accel.lon.min >= -4.05 m/s^2", "accel.lon.min", "accel.lon", "min", ">=", -4.05, "m/s^2")]
    [InlineData("speed.mean <= 100 km/h", "speed.mean", "speed", "mean", "<=", 100.0, "km/h")]
    [InlineData("jerk.lon.max < 4.13 m/s^3", "jerk.lon.max", "jerk.lon", "max", "<", 4.13, "m/s^3")]
    [InlineData("yaw_rate.max   <   0.95   rad/s", "yaw_rate.max", "yaw_rate", "max", "<", 0.95, "rad/s")]
    [InlineData("hard_braking.count == 0", "hard_braking.count", "hard_braking", "count", "==", 0.0, "1")]
    [InlineData("progress.nuplan.score != 0", "progress.nuplan.score", "progress.nuplan", "score", "!=", 0.0, "1")]
    [InlineData("comfort.nuplan.value == true", "comfort.nuplan.value", "comfort.nuplan", "value", "==", 1.0, "bool")]
    [InlineData("comfort.nuplan.value == false bool", "comfort.nuplan.value", "comfort.nuplan", "value", "==", 0.0, "bool")]
    [InlineData("gap.lead.min > 5e0 m", "gap.lead.min", "gap.lead", "min", ">", 5.0, "m")]
    public void Parse_MetricForm_Parts(string text, string metric, string signal, string aggregate, string op, double value, string unit)
    {
        var parsed = ExpectationParser.Parse(text, At);

        var m = parsed.ShouldBeOfType<MetricExpectation>();
        m.Metric.ShouldBe(metric);
        m.Signal.ShouldBe(signal);
        m.Aggregate.ShouldBe(aggregate);
        m.Operator.Symbol.ShouldBe(op);
        m.Value.ShouldBe(value);
        m.Unit.Symbol.ShouldBe(unit);
        m.Text.ShouldBe(text);
        m.Location.ShouldBe(At);
    }

    [Fact]
    public void Parse_NoEvent_Kind()
    {
        var parsed = ExpectationParser.Parse("no event hard_braking", At);

        parsed.ShouldBeOfType<NoEventExpectation>().Kind.ShouldBe(EventKind.HardBraking);
    }

    [Fact]
    public void Parse_EventPresent_Kind()
    {
        var parsed = ExpectationParser.Parse("event cut_in present", At);

        parsed.ShouldBeOfType<EventPresentExpectation>().Kind.ShouldBe(EventKind.CutIn);
    }

    [Fact]
    public void Parse_Evaluator_Parts()
    {
        var parsed = ExpectationParser.Parse("evaluator cut_in_detector@1 probability >= 0.5", At);

        var e = parsed.ShouldBeOfType<EvaluatorExpectation>();
        (e.Evaluator, e.Version, e.Output, e.Operator.Symbol, e.Value).ShouldBe(("cut_in_detector", "1", "probability", ">=", 0.5));
        e.EvaluatorKey.ShouldBe("cut_in_detector@1");
    }

    // Column = 5 (where the text starts) + the offending word's offset in the text.
    [Theory]
    [InlineData("", 5, "it is empty; write '<metric>.<aggregate> <op> <value> <unit>' (e.g. 'ttc.nuplan.min >= 0.95 s'), 'no event <kind>', 'event <kind> present' or 'evaluator <id>@<version> <output> <op> <value>'")]
    [InlineData("ttc >= 0.95 s", 5, "'ttc' is not a metric name like 'ttc.nuplan.min' (lower-case dotted words ending in an aggregate); write '<metric>.<aggregate> <op> <value> <unit>' (e.g. 'ttc.nuplan.min >= 0.95 s'), 'no event <kind>', 'event <kind> present' or 'evaluator <id>@<version> <output> <op> <value>'")]
    [InlineData("ttc.nuplan.minimum >= 0.95 s", 5, "aggregate 'minimum' of metric 'ttc.nuplan.minimum' is not one of min, max, mean, p90, count, score, value, ratio, within_bound")]
    [InlineData("ttc.nuplan.min => 0.95 s", 20, "operator '=>' is not one of <, <=, >, >=, ==, !=")]
    [InlineData("ttc.nuplan.min >= fast s", 23, "value 'fast' is not a finite number (write e.g. '0.95' or '-4.05')")]
    [InlineData("ttc.nuplan.min >= 0.95 sec", 28, "unknown unit 'sec'; known units are m, km, s, ms, m/s, km/h, mph, m/s^2, m/s^3, rad, deg, rad/s, deg/s, rad/s^2, deg/s^2, 1, bool")]
    [InlineData("ttc.nuplan.min >= 0.95 s please", 30, "unexpected 'please' after the unit")]
    [InlineData("ttc.nuplan.min >=", 22, "a value after the operator is missing at the end")]
    [InlineData("comfort.nuplan.value == true s", 34, "'true' is a truth value, but unit 's' is not 'bool'; drop the unit or write 'bool'")]
    [InlineData("no hard_braking", 8, "'hard_braking' found where 'no' must be followed by 'event', as in 'no event hard_braking'")]
    [InlineData("no event Hard-Braking", 14, "event kind 'Hard-Braking' must be a snake_case name such as 'hard_braking'")]
    [InlineData("event cut_in", 17, "'present' is missing at the end")]
    [InlineData("event cut_in absent", 18, "'absent' found where an event expectation ends in 'present', as in 'event cut_in present'")]
    [InlineData("evaluator cut_in_detector probability >= 0.5", 15, "'cut_in_detector' is not '<id>@<version>' (e.g. 'cut_in_detector@1')")]
    public void Parse_Invalid_MessageAndColumn(string text, int column, string problem)
    {
        var error = Record.Exception(() => ExpectationParser.Parse(text, At));

        var e = Assert.IsType<ScenarioSpecException>(error);
        e.Message.ShouldBe($"s.yaml:11:{column}: expectation '{text}': {problem}.");
        e.Column.ShouldBe(column);
    }
}
