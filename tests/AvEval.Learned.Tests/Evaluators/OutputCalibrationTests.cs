using AvEval.Learned.Evaluators;
using AvEval.Learned.Registry;

namespace AvEval.Learned.Tests.Evaluators;

public class OutputCalibrationTests
{
    private static CalibrationRecord Record(string method, Dictionary<string, double> parameters, IReadOnlyList<IReadOnlyList<double>>? points = null) =>
        new(method, parameters, points, "1.0.0", new GoldenSetReference("g", "1", "a", "b"), 1, "cmd", [], [], 0, 0, 0, [], 0, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Apply_TemperatureTwo_HalvesTheLogit()
    {
        var calibration = OutputCalibration.From(Record("temperature", new() { ["temperature"] = 2 }));

        double p = calibration.Apply(0.8);

        // logit(0.8) = ln 4; halved: ln 2; sigmoid(ln 2) = 2 / 3.
        p.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Apply_PlattMinusOneZero_IsTheIdentity()
    {
        var calibration = OutputCalibration.From(Record("platt", new() { ["a"] = -1, ["b"] = 0 }));

        double p = calibration.Apply(0.3);

        // 1 / (1 + exp(-logit(0.3))) = 0.3.
        p.ShouldBe(0.3, 1e-12);
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(0.1, 0.1)]
    [InlineData(0.9, 0.5)]
    public void Apply_Isotonic_InterpolatesAndClips(double raw, double expected)
    {
        var calibration = OutputCalibration.From(Record("isotonic", [], [[0.2, 0.1], [0.6, 0.5]]));

        double p = calibration.Apply(raw);

        // Between (0.2, 0.1) and (0.6, 0.5) the line is p' = p - 0.1; outside, the end values.
        p.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void From_NoRecord_IsTheIdentity()
    {
        OutputCalibration.From(null).Apply(0.123).ShouldBe(0.123);
    }

    [Fact]
    public void ProbabilityWithin_SpanOfTwoWindows_TakesTheHighestInside()
    {
        var result = new LearnedResult("m@1", "s", new Scenes.TrackId("1"), 0.9, [new(0, 2, 0.9), new(0.5, 2.5, 0.2), new(1, 3, 0.4), new(1.5, 3.5, 0.7)], null);

        // Inside [0.5, 3): the windows at 0.5 (0.2) and 1.0 (0.4).
        result.ProbabilityWithin(0.5, 3).ShouldBe(0.4);
        // Inside nothing: the overlapping windows, highest 0.9.
        result.ProbabilityWithin(0.2, 1.2).ShouldBe(0.9);
        result.ProbabilityWithin(10, 12).ShouldBeNull();
    }
}
