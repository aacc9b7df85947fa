using System.Globalization;
using AvEval.Kinematics;
using AvEval.Analysis.Internal;
using AvEval.Scenarios;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// NAVSIM lane keeping (EPDMS LK, <c>PDMScorer._calculate_lane_keeping</c>): the ego's lateral offset is the distance of
/// its box centre from the centreline of its associated lane; the score is 0 when the offset is strictly above 0.5 m for
/// ⌈2.0 s / step⌉ consecutive frames, else 1. As in NAVSIM, a frame inside an intersection (<see cref="Scenes.Lane.IsIntersection"/>)
/// is skipped: it neither counts towards nor resets the run. A frame in no lane is skipped the same way (NAVSIM always has
/// a route centreline; here there is nothing to measure against). Frames during a lane change are not exempt: NAVSIM has
/// no such exemption (it measures against the fixed route centreline, so a lane change accrues deviation), and here the
/// offset is measured to whichever lane holds the centre, so only a slow drift across the boundary fails.
/// Deviation from NAVSIM: there the centreline is the route's, here the associated lane's (the scene has no route).
/// </summary>
public sealed class LaneKeepingAnalyzer : IDriveAnalyzer
{
    private readonly LaneKeepingOptions _options;

    /// <summary>Creates the analyzer.</summary>
    public LaneKeepingAnalyzer(LaneKeepingOptions? options = null)
    {
        _options = options ?? new LaneKeepingOptions();
        const string offsetDef = "NAVSIM lane keeping lateral deviation: |offset| of the box centre from the associated lane's centreline (NAVSIM uses the route centreline); intersection and no-lane frames skipped";
        string scoreDef = $"NAVSIM EPDMS lane keeping (PDMScorer._calculate_lane_keeping): 0 if |offset| > {Invariant.Short(_options.DeviationLimitMetres)} m for ⌈{Invariant.Short(_options.HorizonWindowSeconds)} s / step⌉ consecutive counted frames, else 1; intersection and no-lane frames neither count nor reset";
        Publishes =
        [
            new(LaneOffsetNavsimMax, Unit.Metre, offsetDef, MetricAuthority.Navsim, MotionControl.Lateral),
            new(LaneKeepingNavsimScore, Unit.Dimensionless, scoreDef, MetricAuthority.Navsim, MotionControl.Lateral),
        ];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.LaneDeviation, MotionControl.Lateral, LaneKeepingNavsimScore)];

    /// <summary>Largest |offset| from the lane centreline over counted frames, m.</summary>
    public static string LaneOffsetNavsimMax => "lane_offset.navsim.max";

    /// <summary>NAVSIM lane-keeping score, 0 or 1.</summary>
    public static string LaneKeepingNavsimScore => "lane_keeping.navsim.score";

    /// <inheritdoc/>
    public string Id => "navsim.lane_keeping";

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Analyze(drive, SceneLaneIndex.For(drive.Scene));
    }

    /// <summary>Analyzes a drive with a lane index already built for its scene (share one index across egos).</summary>
    public Evaluation Analyze(Drive drive, SceneLaneIndex index)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentNullException.ThrowIfNull(index);
        var time = drive.Scene.TimeBase;
        int ego = index.IndexOf(drive.Ego);
        var track = index.TrackAt(ego);
        int required = (int)Math.Ceiling(_options.HorizonWindowSeconds / time.StepSeconds);
        string offsetDef = Publishes[0].Definition;

        int n = track.Length;
        var offsets = new double[n];
        var times = new double[n];
        double max = double.NegativeInfinity;
        int counted = 0, consecutive = 0, runStart = -1, runLast = -1;
        double runMax = 0;
        bool failed = false;
        var events = new List<DrivingEvent>();
        for (int k = 0; k < n; k++)
        {
            int frame = track.FirstFrame + k;
            times[k] = time.TimeOf(frame);
            int lane = index.LaneOf(ego, frame);
            if (lane < 0 || index.LaneAt(lane).IsIntersection)
            {
                offsets[k] = double.NaN;
                continue;
            }

            double offset = Math.Abs(index.FrenetOf(ego, frame).D);
            offsets[k] = offset;
            counted++;
            max = Math.Max(max, offset);
            if (offset > _options.DeviationLimitMetres)
            {
                if (consecutive == 0)
                {
                    (runStart, runMax) = (k, 0);
                }

                consecutive++;
                runLast = k;
                runMax = Math.Max(runMax, offset);
            }
            else
            {
                CloseRun();
                consecutive = 0;
            }
        }

        CloseRun();
        if (counted == 0)
        {
            const string reason = "the ego was never in a lane outside an intersection";
            return Evaluation.NotComputed(drive.Ego, Id, reason, Publishes) with
            {
                Series = [new MetricSeries("lane_offset.navsim", Unit.Metre, offsetDef, times, offsets)],
            };
        }

        return new Evaluation(
            drive.Ego,
            [Id],
            [Publishes[0].Measured(max), Publishes[1].Measured(failed ? 0 : 1, $"{required} consecutive frames at this scene's {Invariant.Short(time.StepSeconds)} s step")],
            events,
            [new MetricSeries("lane_offset.navsim", Unit.Metre, offsetDef, times, offsets)],
            []);

        void CloseRun()
        {
            if (consecutive >= required)
            {
                failed = true;
                double t0 = time.TimeOf(track.FirstFrame + runStart), t1 = time.TimeOf(track.FirstFrame + runLast + 1);
                events.Add(new DrivingEvent(
                    EventKind.LaneDeviation,
                    t0,
                    t1,
                    [],
                    new Dictionary<string, double>
                    {
                        ["max_offset_m"] = runMax,
                        ["limit_m"] = _options.DeviationLimitMetres,
                        ["frames_count"] = consecutive,
                        ["duration_s"] = t1 - t0,
                    },
                    $"The ego stayed more than {Invariant.Short(_options.DeviationLimitMetres)} m from its lane centre for {consecutive} frames (up to {Invariant.Short(runMax)} m)."));
            }
        }
    }

}
