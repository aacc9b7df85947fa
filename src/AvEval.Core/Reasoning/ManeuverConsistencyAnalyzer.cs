using System.Globalization;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Reasoning;

/// <summary>
/// Reasoning–action consistency of a drive's trace (<see cref="Drive.Trace"/>): each step's stated maneuver against what the
/// ego then does. Along the path, the realised mean acceleration ā = (v(t + W) − v(t)) / W over the trace's horizon W
/// (<see cref="ReasoningTrace.HorizonSeconds"/>, else <see cref="ReasoningCheckOptions.LongitudinalWindowSeconds"/>; cut at
/// the drive's end; a step with less than <see cref="ReasoningCheckOptions.MinimumWindowSeconds"/>, or W when shorter,
/// left is not checked) contradicts <c>accelerate</c> when
/// ā &lt; −b, <c>decelerate</c> when ā &gt; b, <c>keep</c> when |ā| &gt; 2b (b = <see cref="ReasoningCheckOptions.ContradictionBand"/>),
/// and <c>stop</c> when v(t + W) &gt; <see cref="ReasoningCheckOptions.StopContradictionSpeed"/> and ā ≥ −b. Across lanes
/// (the ego's lane changes as <see cref="LaneChangeAnalyzer"/> finds them), <c>change-left</c>/<c>change-right</c> is
/// contradicted unless the ego enters a lane on that side within ± <see cref="ReasoningCheckOptions.LaneChangeWindowSeconds"/>
/// (checked only when the drive goes on for that long after the step),
/// and <c>keep-lane</c> when it enters another lane within <see cref="ReasoningCheckOptions.KeepLaneWindowSeconds"/> after
/// the step; without a lane map the lateral part is not checked. A step is inconsistent when either part is contradicted.
/// </summary>
public sealed class ManeuverConsistencyAnalyzer : IDriveAnalyzer
{
    private readonly ReasoningCheckOptions _options;

    /// <summary>Creates the check.</summary>
    /// <param name="options">Its thresholds; null for the defaults.</param>
    public ManeuverConsistencyAnalyzer(ReasoningCheckOptions? options = null)
    {
        _options = options ?? new ReasoningCheckOptions();
        var o = _options;
        string rule = string.Create(CultureInfo.InvariantCulture, $"a trace step whose stated maneuver the drive contradicts: mean acceleration over the trace horizon (default {o.LongitudinalWindowSeconds:0.###} s) below -{o.ContradictionBand:0.###} m/s^2 for accelerate, above {o.ContradictionBand:0.###} for decelerate, beyond +-{2 * o.ContradictionBand:0.###} for keep, still above {o.StopContradictionSpeed:0.###} m/s and not slowing for stop; no lane change to the stated side within +-{o.LaneChangeWindowSeconds:0.###} s, or a lane change within {o.KeepLaneWindowSeconds:0.###} s of keep-lane");
        Publishes =
        [
            new(CheckedCount, Unit.Dimensionless, "trace steps with a maneuver and enough drive after them to check (AvEval chain-of-thought check)", MetricAuthority.AvEval, MotionControl.Both),
            new(InconsistentCount, Unit.Dimensionless, rule, MetricAuthority.AvEval, MotionControl.Both),
            new(UnmappedCount, Unit.Dimensionless, "trace steps whose text maps onto no maneuver of the taxonomy (not checked)", MetricAuthority.AvEval, MotionControl.Both),
            new(ConsistentFraction, Unit.Dimensionless, "1 - inconsistent / checked steps; " + rule, MetricAuthority.AvEval, MotionControl.Both),
        ];
    }

    /// <summary>Steps checked.</summary>
    public static string CheckedCount => "cot.maneuver.checked.count";

    /// <summary>Steps the drive contradicts.</summary>
    public static string InconsistentCount => "cot.maneuver.inconsistent.count";

    /// <summary>Steps with no maneuver.</summary>
    public static string UnmappedCount => "cot.maneuver.unmapped.count";

    /// <summary>Share of checked steps that are consistent.</summary>
    public static string ConsistentFraction => "cot.maneuver.consistent.fraction";

    /// <inheritdoc/>
    public string Id => "cot.maneuver_consistency";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(ReasoningEvents.ManeuverInconsistent, MotionControl.Both, InconsistentCount)];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        if (drive.Trace is not { } trace)
        {
            return Evaluation.NotComputed(drive.Ego, Id, ReasoningChecks.NoTrace, Publishes);
        }

        var o = _options;
        var scene = drive.Scene;
        var tb = scene.TimeBase;
        var ego = drive.EgoTrack;
        var index = SceneLaneIndex.For(scene);
        var changes = new List<(double Time, LateralManeuver Side)>();
        bool lanes = index.LaneCount > 0;
        if (lanes)
        {
            int hold = FrameRuns.FramesFor(o.LaneChangeHoldSeconds, tb.StepSeconds);
            foreach (var c in index.LaneChangesOf(index.IndexOf(drive.Ego), hold))
            {
                changes.Add((tb.TimeOf(c.EntryFrame), c.Side == LaneSide.Left ? LateralManeuver.ChangeLeft : LateralManeuver.ChangeRight));
            }
        }

        double horizon = trace.HorizonSeconds ?? o.LongitudinalWindowSeconds;
        int windowFrames = Math.Max(1, (int)Math.Round(horizon / tb.StepSeconds));
        double minimum = Math.Min(o.MinimumWindowSeconds, windowFrames * tb.StepSeconds);
        double lastTime = tb.TimeOf(ego.LastFrame);
        int checkedSteps = 0, unmapped = 0;
        var events = new List<DrivingEvent>();
        foreach (var step in trace.Steps)
        {
            if (step.Maneuver is not { } m)
            {
                unmapped++;
                continue;
            }

            int frame = (int)Math.Round((step.TimeSeconds - tb.StartSeconds) / tb.StepSeconds);
            if (frame < ego.FirstFrame || frame > ego.LastFrame)
            {
                continue;
            }

            int end = Math.Min(ego.LastFrame, frame + windowFrames);
            double span = (end - frame) * tb.StepSeconds;
            if (span < minimum - 1e-9)
            {
                continue;
            }

            checkedSteps++;
            double v0 = ego.StateAt(frame).Speed, v1 = ego.StateAt(end).Speed;
            double mean = (v1 - v0) / span;
            double b = o.ContradictionBand;
            string? why = m.Longitudinal switch
            {
                LongitudinalManeuver.Accelerate when mean < -b => "slowed",
                LongitudinalManeuver.Decelerate when mean > b => "sped up",
                LongitudinalManeuver.Keep when Math.Abs(mean) > 2 * b => mean > 0 ? "sped up" : "slowed",
                LongitudinalManeuver.Stop when v1 > o.StopContradictionSpeed && mean >= -b => "did not stop",
                _ => null,
            };
            string? lateral = null;
            if (lanes)
            {
                double t = tb.TimeOf(frame);
                if (m.Lateral == LateralManeuver.KeepLane)
                {
                    int at = changes.FindIndex(c => c.Time >= t - 1e-9 && c.Time <= t + o.KeepLaneWindowSeconds + 1e-9);
                    if (at >= 0)
                    {
                        var entered = changes[at];
                        lateral = string.Create(CultureInfo.InvariantCulture, $"the ego entered a lane to the {(entered.Side == LateralManeuver.ChangeLeft ? "left" : "right")} at {entered.Time:0.0} s");
                    }
                }
                else if (lastTime - t >= o.LaneChangeWindowSeconds - 1e-9 && !changes.Exists(c => c.Side == m.Lateral && Math.Abs(c.Time - t) <= o.LaneChangeWindowSeconds + 1e-9))
                {
                    lateral = string.Create(CultureInfo.InvariantCulture, $"the ego made no lane change to the {(m.Lateral == LateralManeuver.ChangeLeft ? "left" : "right")} within {o.LaneChangeWindowSeconds:0.###} s");
                }
            }

            if (why is null && lateral is null)
            {
                continue;
            }

            string lon = why is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"the ego {why} (mean acceleration {mean:+0.00;-0.00} m/s^2 over the next {span:0.0} s, speed {v0:0.0} -> {v1:0.0} m/s)");
            string summary = string.Create(CultureInfo.InvariantCulture, $"At {step.TimeSeconds:0.0} s the trace says '{m.Name}' but {string.Join(" and ", new[] { lon, lateral ?? string.Empty }.Where(x => x.Length > 0))}.");
            events.Add(new DrivingEvent(
                ReasoningEvents.ManeuverInconsistent,
                tb.TimeOf(frame),
                tb.TimeOf(end),
                [],
                new Dictionary<string, double> { ["mean_accel_lon_mps2"] = mean, ["speed_end_mps"] = v1, ["lateral_contradicted_bool"] = lateral is null ? 0 : 1 },
                summary));
        }

        return new Evaluation(
            drive.Ego,
            [Id],
            [
                Publishes[0].Measured(checkedSteps),
                Publishes[1].Measured(events.Count),
                Publishes[2].Measured(unmapped),
                Publishes[3].ValueOrNotComputed(checkedSteps > 0 ? 1 - ((double)events.Count / checkedSteps) : null, "no trace step could be checked"),
            ],
            events,
            [],
            []);
    }
}
