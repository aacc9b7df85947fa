using AvEval.Kinematics;
using AvEval.Scenarios;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's comfort metrics (<c>ego_lon_acceleration</c>, <c>ego_lat_acceleration</c>, <c>ego_jerk</c>,
/// <c>ego_lon_jerk</c>, <c>ego_yaw_rate</c>, <c>ego_yaw_acceleration</c>, <c>ego_is_comfortable</c>): for each signal
/// its MAX, MIN, MEAN and P90 (closest observation) and whether every sample lies strictly within nuPlan's bound;
/// comfortable when all six do. An <see cref="EventKind.Uncomfortable"/> event spans each run of samples outside a bound.
/// </summary>
/// <remarks>Reuses its signal buffers per thread: analysing many drives allocates little beyond the results.</remarks>
public sealed class NuPlanComfortAnalyzer : IDriveAnalyzer
{
    [ThreadStatic]
    private static EgoKinematics? _kinematics;

    [ThreadStatic]
    private static double[]? _scratch;

    [ThreadStatic]
    private static EgoSample[]? _samples;

    private static readonly (string Name, string Definition, Unit Unit, string EvidenceUnit)[] SignalInfo =
    [
        ("accel.lon", "ego_lon_acceleration (ego-frame x, SG window 8, order 2)", Unit.MetrePerSecondSquared, "m_per_s2"),
        ("accel.lat", "ego_lat_acceleration (ego-frame y, SG window 8, order 2)", Unit.MetrePerSecondSquared, "m_per_s2"),
        ("jerk", "ego_jerk (SG derivative window 15, order 2, of the SG-smoothed acceleration magnitude)", Unit.MetrePerSecondCubed, "m_per_s3"),
        ("jerk.lon", "ego_lon_jerk (SG derivative window 15, order 2, of the SG-smoothed lon acceleration)", Unit.MetrePerSecondCubed, "m_per_s3"),
        ("yaw_rate", "ego_yaw_rate (SG derivative window 5, order 2, of the unwrapped heading)", Unit.RadianPerSecond, "rad_per_s"),
        ("yaw_accel", "ego_yaw_acceleration (SG 2nd derivative window 5, order 3, of the unwrapped heading)", Unit.RadianPerSecondSquared, "rad_per_s2"),
    ];

    // accel.lon and jerk.lon follow the speed profile; accel.lat (v² κ), the jerk magnitude and the yaw signals (v κ)
    // mix the speed with the path's curvature.
    private static readonly MotionControl[] SignalDependence =
        [MotionControl.Longitudinal, MotionControl.Both, MotionControl.Both, MotionControl.Longitudinal, MotionControl.Both, MotionControl.Both];

    private static readonly string[] Statistics = ["max", "min", "mean", "p90", "within_bound"];

    private readonly ComfortSignal[] _signals;
    private readonly MetricDescriptor _comfortable;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="bounds">The comfort bounds; null for nuPlan's configured ones.</param>
    /// <param name="includeSeries">Whether to report each signal as a series (off for bulk runs that only need metrics).</param>
    public NuPlanComfortAnalyzer(NuPlanComfortBounds? bounds = null, bool includeSeries = true)
    {
        var b = bounds ?? NuPlanComfortBounds.Default;
        Bounds = b;
        IncludeSeries = includeSeries;
        (double Lower, double Upper)[] limits =
        [
            (b.MinLonAcceleration, b.MaxLonAcceleration),
            (-b.MaxAbsLatAcceleration, b.MaxAbsLatAcceleration),
            (-b.MaxAbsJerk, b.MaxAbsJerk),
            (-b.MaxAbsLonJerk, b.MaxAbsLonJerk),
            (-b.MaxAbsYawRate, b.MaxAbsYawRate),
            (-b.MaxAbsYawAcceleration, b.MaxAbsYawAcceleration),
        ];
        _signals = [.. SignalInfo.Select((s, i) => Signal(s.Name, s.Definition, s.Unit, s.EvidenceUnit, limits[i].Lower, limits[i].Upper, SignalDependence[i]))];
        _comfortable = new MetricDescriptor(ComfortValue, Unit.Boolean, "nuPlan ego_is_comfortable: all six comfort signals within bounds at every sample", MetricAuthority.NuPlan, MotionControl.Both);
        Publishes = [.. _signals.SelectMany(s => s.Metrics), _comfortable];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.Uncomfortable, MotionControl.Both, ComfortValue)];

    /// <summary>The comfort bounds in force.</summary>
    public NuPlanComfortBounds Bounds { get; }

    /// <summary>Whether each signal is reported as a series.</summary>
    public bool IncludeSeries { get; }

    /// <inheritdoc/>
    public string Id => "nuplan.comfort";

    /// <summary>Whether every comfort bound holds at every sample (1/0): nuPlan <c>ego_is_comfortable</c>.</summary>
    public static string ComfortValue => "comfort.nuplan.value";

    /// <summary>Metric name of a signal's statistic, e.g. <c>Name("accel.lon", "p90")</c>.</summary>
    /// <param name="signal">One of accel.lon, accel.lat, jerk, jerk.lon, yaw_rate, yaw_accel.</param>
    /// <param name="statistic">min, max, mean, p90 or within_bound.</param>
    /// <returns>The metric name.</returns>
    public static string Name(string signal, string statistic) => $"{signal}.{statistic}";

    /// <summary>The signal prefixes, in nuPlan's order of the comfort metrics.</summary>
    public static IReadOnlyList<string> SignalNames { get; } = [.. SignalInfo.Select(s => s.Name)];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var track = drive.EgoTrack;
        if (_samples is null || _samples.Length < track.Length)
        {
            _samples = new EgoSample[track.Length];
        }

        var samples = _samples.AsSpan(0, track.Length);
        EgoSamples.FromTrack(track, drive.Scene.TimeBase, samples);
        return Analyze(drive.Ego, samples);
    }

    /// <summary>Analyzes a nuPlan history's ego states.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Analyze(history.Ego, [.. history.EgoStates]);
    }

    private Evaluation Analyze(Scenes.TrackId ego, ReadOnlySpan<EgoSample> samples)
    {
        if (samples.Length < EgoKinematics.MinimumSamples)
        {
            string reason = $"nuPlan's comfort filters need at least {EgoKinematics.MinimumSamples} ego states; the drive has {samples.Length}.";
            return new Evaluation(ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var metrics = new List<Metric>(Publishes.Count);
        var k = _kinematics ??= new EgoKinematics();
        k.Compute(samples);
        if (_scratch is null || _scratch.Length < samples.Length)
        {
            _scratch = new double[samples.Length];
        }

        var events = new List<DrivingEvent>();
        var series = IncludeSeries ? new List<MetricSeries>(_signals.Length) : [];
        double[]? times = IncludeSeries ? k.TimesSeconds.ToArray() : null;
        bool comfortable = true;
        for (int si = 0; si < _signals.Length; si++)
        {
            var s = _signals[si];
            var v = Values(k, si);
            bool within = true;
            foreach (var x in v)
            {
                within &= x > s.Lower && x < s.Upper;
            }

            comfortable &= within;
            metrics.Add(s.Metrics[0].Measured(NuPlanStatistics.Max(v)));
            metrics.Add(s.Metrics[1].Measured(NuPlanStatistics.Min(v)));
            metrics.Add(s.Metrics[2].Measured(NuPlanStatistics.Mean(v)));
            metrics.Add(s.Metrics[3].Measured(NuPlanStatistics.P90(v, _scratch)));
            metrics.Add(s.Metrics[4].Measured(within ? 1 : 0));
            if (times is not null)
            {
                series.Add(new MetricSeries(s.Name, s.Unit, s.Definition, times, v.ToArray()));
            }

            if (!within)
            {
                AddEvents(s, v, k.TimesSeconds, events);
            }
        }

        metrics.Add(_comfortable.Measured(comfortable ? 1 : 0));
        return new Evaluation(ego, [Id], metrics, events, series, []);
    }

    private static ComfortSignal Signal(string name, string definition, Unit unit, string evidenceUnit, double lower, double upper, MotionControl dependsOn)
    {
        string def = "nuPlan " + definition;
        MetricDescriptor Metric(string statistic, Unit u, string d) => new(Name(name, statistic), u, d, MetricAuthority.NuPlan, dependsOn);
        MetricDescriptor[] metrics =
        [
            Metric(Statistics[0], unit, def),
            Metric(Statistics[1], unit, def),
            Metric(Statistics[2], unit, def),
            Metric(Statistics[3], unit, def + ", P90 closest observation"),
            Metric(Statistics[4], Unit.Boolean, $"{def}: every sample in ({lower}, {upper})"),
        ];
        return new ComfortSignal(name, def, unit, evidenceUnit, lower, upper, metrics);
    }

    private static ReadOnlySpan<double> Values(EgoKinematics k, int signal) => signal switch
    {
        0 => k.LonAcceleration,
        1 => k.LatAcceleration,
        2 => k.Jerk,
        3 => k.LonJerk,
        4 => k.YawRate,
        _ => k.YawAcceleration,
    };

    private static void AddEvents(ComfortSignal s, ReadOnlySpan<double> v, ReadOnlySpan<double> t, List<DrivingEvent> events)
    {
        double step = (t[^1] - t[0]) / (t.Length - 1);
        int i = 0;
        while (i < v.Length)
        {
            if (v[i] > s.Lower && v[i] < s.Upper)
            {
                i++;
                continue;
            }

            int start = i;
            double peak = v[i];
            while (i < v.Length && !(v[i] > s.Lower && v[i] < s.Upper))
            {
                if (Math.Abs(v[i]) > Math.Abs(peak))
                {
                    peak = v[i];
                }

                i++;
            }

            double bound = peak >= s.Upper ? s.Upper : s.Lower;
            double end = i < t.Length ? t[i] : t[^1] + step;
            events.Add(new DrivingEvent(
                EventKind.Uncomfortable,
                t[start],
                end,
                [],
                new Dictionary<string, double> { [$"peak_{s.EvidenceUnit}"] = peak, [$"bound_{s.EvidenceUnit}"] = bound },
                $"{s.Name} reached {peak:G4} {s.Unit}, beyond nuPlan's comfort bound {bound:G4} {s.Unit}."));
        }
    }

    private sealed record ComfortSignal(string Name, string Definition, Unit Unit, string EvidenceUnit, double Lower, double Upper, IReadOnlyList<MetricDescriptor> Metrics);
}
