using AvEval.Kinematics;
using AvEval.Scenarios;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_lat_jerk</c>: the Savitzky–Golay first derivative (window 15, order 2, the mean time step, rounded to
/// 8 decimals) of the smoothed ego-frame lateral acceleration (window 8, order 2), as nuPlan's <c>extract_ego_jerk</c>
/// with <c>acceleration_coordinate='y'</c> (the same filters as <c>ego_lon_jerk</c> on the other axis); MAX, MIN,
/// MEAN and P90 (closest observation). Every window is shortened to the drive's length as nuPlan does. nuPlan sets no bound on it.
/// </summary>
public sealed class NuPlanLateralJerkAnalyzer : IDriveAnalyzer
{
    private const int JerkWindow = 15;
    private const int JerkOrder = 2;
    private const string Def = "nuPlan ego_lat_jerk (SG derivative window 15, order 2, of the SG-smoothed lateral acceleration)";

    /// <summary>Name of the series, m/s³.</summary>
    public static string SeriesName => "jerk.lat";

    /// <summary>Metric name of a statistic: max, min, mean or p90.</summary>
    /// <param name="statistic">max, min, mean or p90.</param>
    /// <returns>The name.</returns>
    public static string Name(string statistic) => $"jerk.lat.{statistic}";

    /// <inheritdoc/>
    public string Id => "nuplan.lat_jerk";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Name("max"), Unit.MetrePerSecondCubed, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("min"), Unit.MetrePerSecondCubed, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("mean"), Unit.MetrePerSecondCubed, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("p90"), Unit.MetrePerSecondCubed, Def + ", P90 closest observation", MetricAuthority.NuPlan, MotionControl.Both),
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
            string reason = $"nuPlan's jerk filters need at least {EgoKinematics.MinimumSamples} ego states; the drive has {samples.Length}.";
            return new Evaluation(ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var k = new EgoKinematics();
        k.Compute(samples);
        int n = samples.Length;
        double delta = (samples[^1].TimeSeconds - samples[0].TimeSeconds) / (n - 1);
        var jerk = new double[n];
        SavitzkyGolay.Filter(k.LatAcceleration, Math.Min(JerkWindow, n), JerkOrder, 1, delta, jerk);
        for (int i = 0; i < n; i++)
        {
            jerk[i] = EgoKinematics.RoundTo8(jerk[i]);
        }

        var metrics = new List<Metric>
        {
            Publishes[0].Measured(NuPlanStatistics.Max(jerk)),
            Publishes[1].Measured(NuPlanStatistics.Min(jerk)),
            Publishes[2].Measured(NuPlanStatistics.Mean(jerk)),
            Publishes[3].Measured(NuPlanStatistics.P90(jerk, new double[n])),
        };
        return new Evaluation(ego, [Id], metrics, [], [new MetricSeries(SeriesName, Unit.MetrePerSecondCubed, Def, k.TimesSeconds.ToArray(), jerk)], []);
    }
}
