using AvEval.Kinematics;
using AvEval.Scenarios;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_acceleration</c>: the magnitude of the ego's acceleration, smoothed as nuPlan's
/// <c>extract_ego_acceleration(acceleration_coordinate='magnitude')</c> (Savitzky–Golay window 8, order 2, rounded to
/// 8 decimals), with its MAX, MIN, MEAN and P90 (closest observation). nuPlan sets no bound on it.
/// </summary>
public sealed class NuPlanAccelerationAnalyzer : IDriveAnalyzer
{
    private const string Def = "nuPlan ego_acceleration (magnitude of the ego-frame acceleration, SG window 8, order 2)";

    /// <summary>Name of the series, m/s².</summary>
    public static string SeriesName => "accel.nuplan";

    /// <summary>Metric name of a statistic: max, min, mean or p90.</summary>
    /// <param name="statistic">max, min, mean or p90.</param>
    /// <returns>The name.</returns>
    public static string Name(string statistic) => $"accel.nuplan.{statistic}";

    /// <inheritdoc/>
    public string Id => "nuplan.acceleration";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Name("max"), Unit.MetrePerSecondSquared, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("min"), Unit.MetrePerSecondSquared, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("mean"), Unit.MetrePerSecondSquared, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("p90"), Unit.MetrePerSecondSquared, Def + ", P90 closest observation", MetricAuthority.NuPlan, MotionControl.Both),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Analyze(drive.Ego, EgoSamples.FromTrack(drive.EgoTrack, drive.Scene.TimeBase));
    }

    /// <summary>Analyzes a nuPlan history's ego states.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Analyze(history.Ego, [.. history.EgoStates]);
    }

    private Evaluation Analyze(Scenes.TrackId ego, EgoSample[] samples)
    {
        if (samples.Length < EgoKinematics.MinimumSamples)
        {
            string reason = $"nuPlan's acceleration filter needs at least {EgoKinematics.MinimumSamples} ego states; the drive has {samples.Length}.";
            return new Evaluation(ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var k = new EgoKinematics();
        k.Compute(samples);
        var v = k.AccelerationMagnitude;
        var metrics = new List<Metric>
        {
            Publishes[0].Measured(NuPlanStatistics.Max(v)),
            Publishes[1].Measured(NuPlanStatistics.Min(v)),
            Publishes[2].Measured(NuPlanStatistics.Mean(v)),
            Publishes[3].Measured(NuPlanStatistics.P90(v, new double[v.Length])),
        };
        return new Evaluation(ego, [Id], metrics, [], [new MetricSeries(SeriesName, Unit.MetrePerSecondSquared, Def, k.TimesSeconds.ToArray(), v.ToArray())], []);
    }
}
