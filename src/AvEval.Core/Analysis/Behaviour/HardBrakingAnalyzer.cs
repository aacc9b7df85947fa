using System.Globalization;
using AvEval.Analysis.Internal;
using AvEval.Scenarios;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// Hard braking of the ego: the smoothed longitudinal acceleration (recorded acceleration when the source has it, else
/// the derivative of speed; Savitzky–Golay, see <see cref="HardBrakingOptions"/>) strictly below the threshold for at
/// least the minimum time. Exactly at the threshold is not hard braking; exactly the minimum time is.
/// </summary>
public sealed class HardBrakingAnalyzer : IDriveAnalyzer
{
    private readonly HardBrakingOptions _options;

    /// <summary>Creates the analyzer.</summary>
    public HardBrakingAnalyzer(HardBrakingOptions? options = null)
    {
        _options = options ?? new HardBrakingOptions();
        string signal = LongitudinalAcceleration.Define(_options.SmoothingWindow, _options.SmoothingOrder);
        string countDef = $"events with {signal} < {Invariant.Short(_options.ThresholdMetresPerSecondSquared)} m/s^2 held >= {Invariant.Short(_options.MinDurationSeconds)} s (thresholds of the shared NGSIM ANALYSIS candidates)";
        Publishes =
        [
            new(HardBrakingCount, Unit.Dimensionless, countDef, MetricAuthority.AvEval, MotionControl.Longitudinal),
            new(AccelLonSmoothedMin, Unit.MetrePerSecondSquared, signal, MetricAuthority.AvEval, MotionControl.Longitudinal),
        ];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.HardBraking, MotionControl.Longitudinal, HardBrakingCount)];

    /// <summary>Number of hard-braking events.</summary>
    public static string HardBrakingCount => "hard_braking.count";

    /// <summary>Smallest smoothed longitudinal acceleration, m/s².</summary>
    public static string AccelLonSmoothedMin => "accel.lon.smoothed.min";

    /// <inheritdoc/>
    public string Id => "behaviour.hard_braking";

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var track = drive.EgoTrack;
        var time = drive.Scene.TimeBase;
        string signal = "this drive: " + LongitudinalAcceleration.Describe(track, _options.SmoothingWindow, _options.SmoothingOrder);
        var accel = LongitudinalAcceleration.Compute(track, time.StepSeconds, _options.SmoothingWindow, _options.SmoothingOrder, out string? reason);
        if (accel is null)
        {
            return Evaluation.NotComputed(drive.Ego, Id, reason!, Publishes);
        }

        var mask = new bool[accel.Length];
        double min = double.PositiveInfinity;
        for (int k = 0; k < accel.Length; k++)
        {
            mask[k] = accel[k] < _options.ThresholdMetresPerSecondSquared;
            min = Math.Min(min, accel[k]);
        }

        var events = new List<DrivingEvent>();
        var states = track.States;
        foreach (var (start, length) in FrameRuns.Find(mask, FrameRuns.FramesFor(_options.MinDurationSeconds, time.StepSeconds)))
        {
            double runMin = double.PositiveInfinity;
            for (int k = start; k < start + length; k++)
            {
                runMin = Math.Min(runMin, accel[k]);
            }

            double t0 = time.TimeOf(track.FirstFrame + start), t1 = time.TimeOf(track.FirstFrame + start + length);
            double v0 = states[start].Speed, v1 = states[start + length - 1].Speed;
            events.Add(new DrivingEvent(
                EventKind.HardBraking,
                t0,
                t1,
                [],
                new Dictionary<string, double>
                {
                    ["min_accel_mps2"] = runMin,
                    ["duration_s"] = t1 - t0,
                    ["speed_drop_mps"] = v0 - v1,
                    ["speed_at_start_mps"] = v0,
                },
                $"The ego braked at down to {Invariant.Short(runMin)} m/s^2 for {Invariant.Short(t1 - t0)} s, from {Invariant.Short(v0)} to {Invariant.Short(v1)} m/s."));
        }

        var times = new double[accel.Length];
        for (int k = 0; k < accel.Length; k++)
        {
            times[k] = time.TimeOf(track.FirstFrame + k);
        }

        return new Evaluation(
            drive.Ego,
            [Id],
            [
                Publishes[0].Measured(events.Count, signal),
                Publishes[1].Measured(min, signal),
            ],
            events,
            [new MetricSeries("accel.lon.smoothed", Unit.MetrePerSecondSquared, Publishes[1].Definition, times, accel)],
            []);
    }

}
