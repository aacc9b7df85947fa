using AvEval.Analysis;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis;

/// <summary>
/// The default analyzers on scenes at the plausibility limits (<see cref="PlausibilityLimits"/>): what passes the importers
/// must give finite metrics, or metrics explicitly not computed with a reason, never NaN or infinity.
/// </summary>
public sealed class AnalysisAtTheLimitsTests
{
    private const double C = PlausibilityLimits.MaxAbsCoordinateMeters;

    public static TheoryData<string> Extremes { get; } = new("smallest step, largest speeds and headings", "largest step", "one frame", "far corner");

    [Theory]
    [MemberData(nameof(Extremes))]
    public void AnalyzeEachVehicle_SceneAtTheLimits_EveryMetricIsFiniteOrNotComputedWithAReason(string extreme)
    {
        var scene = Build(extreme);
        PlausibilityLimits.Check("limits", scene);

        var evaluations = RuleAnalysis.CreateDefault().AnalyzeEachVehicle(scene);

        evaluations.Count.ShouldBe(2);
        var bad = evaluations.SelectMany(e => e.Metrics.Select(m => (e.Ego, Metric: m)))
            .Where(x => x.Metric.Value is { } v ? !Acceptable(x.Metric.Name, v) : string.IsNullOrWhiteSpace(x.Metric.Reason))
            .Select(x => $"ego {x.Ego}: {x.Metric.Name} = {x.Metric.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null without a reason"}")
            .ToList();
        bad.ShouldBeEmpty(string.Join(Environment.NewLine, bad));
    }

    /// <summary>Finite, or +infinity for a time to collision: the documented value when no collision is projected (nuPlan's convention).</summary>
    private static bool Acceptable(string metric, double value) =>
        double.IsFinite(value) || (double.IsPositiveInfinity(value) && metric.StartsWith("ttc.", StringComparison.Ordinal));

    private static Scene Build(string extreme)
    {
        var (step, frames, x0, y0) = extreme switch
        {
            "smallest step, largest speeds and headings" => (PlausibilityLimits.MinStepSeconds, 60, C - 500, C - 10),
            "largest step" => (PlausibilityLimits.MaxStepSeconds, 40, 0.0, 0.0),
            "one frame" => (0.1, 1, 0.0, 0.0),
            _ => (0.1, 50, -C + 10, -C + 10),
        };
        var vMax = PlausibilityLimits.MaxSpeedMetersPerSecond;
        var hMax = PlausibilityLimits.MaxAbsHeadingRadians;
        var aMax = PlausibilityLimits.MaxAccelerationMetersPerSecondSquared / Math.Sqrt(2);

        // The ego alternates between full speed forwards and backwards and between the largest headings (the worst a
        // recording can pass the limits with); the other vehicle stands 8 m ahead in the same lane.
        AgentState Ego(int k) => extreme == "largest step"
            ? new AgentState(Math.Min(x0 + (k * 1200), C - 100), y0, 0, vMax / Math.Sqrt(2), vMax / Math.Sqrt(2), aMax, -aMax)
            : new AgentState(x0 + ((k % 2) * 0.3), y0, k % 2 == 0 ? hMax : -hMax, k % 2 == 0 ? vMax : -vMax, 0, aMax, aMax);
        var ego = new Track(new TrackId("ego"), AgentKind.Vehicle, "car", new BoxSize(PlausibilityLimits.MaxBoxSizeMeters, 1e-3), 0, [.. Enumerable.Range(0, frames).Select(Ego)], hasAcceleration: true);
        var lead = new Track(new TrackId("lead"), AgentKind.Vehicle, "car", new BoxSize(4, 1.8), 0, [.. Enumerable.Range(0, frames).Select(_ => new AgentState(x0 + 8, y0, 0, 0, 0))], hasAcceleration: false);
        var lane = new Lane(
            new LaneId("L"),
            [new Point2(Math.Max(x0 - 100, -C), y0 + 1.85), new Point2(Math.Min(x0 + 50_000, C), y0 + 1.85)],
            [new Point2(Math.Max(x0 - 100, -C), y0 - 1.85), new Point2(Math.Min(x0 + 50_000, C), y0 - 1.85)],
            [new Point2(Math.Max(x0 - 100, -C), y0), new Point2(Math.Min(x0 + 50_000, C), y0)],
            [],
            [],
            null,
            null);
        return new Scene("limits", new TimeBase(0, step, frames), [ego, lead], new LaneGraph([lane]), new Provenance("hand-built", "none", "limits", "00"));
    }
}
