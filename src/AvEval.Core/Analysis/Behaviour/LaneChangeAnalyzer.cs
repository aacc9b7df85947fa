using System.Globalization;
using AvEval.Kinematics;
using AvEval.Analysis.Internal;
using AvEval.Scenarios;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// Lane changes of the ego: its associated lane becomes a same-direction left or right neighbour and holds for the
/// minimum time (<see cref="SceneLaneIndex.LaneChangesOf"/>). The event spans the first frame in the new lane to the
/// frame the hold was confirmed.
/// </summary>
public sealed class LaneChangeAnalyzer : IDriveAnalyzer
{
    private readonly LaneChangeOptions _options;

    /// <summary>Creates the analyzer.</summary>
    public LaneChangeAnalyzer(LaneChangeOptions? options = null)
    {
        _options = options ?? new LaneChangeOptions();
        string definition = $"changes of the associated lane (lane polygon containing the box centre) to a same-direction left/right neighbour that hold >= {Invariant.Short(_options.MinHoldSeconds)} s";
        Publishes = [new(LaneChangeCount, Unit.Dimensionless, definition, MetricAuthority.AvEval, MotionControl.Lateral)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.LaneChange, MotionControl.Lateral, LaneChangeCount)];

    /// <summary>Number of lane changes of the ego.</summary>
    public static string LaneChangeCount => "lane_change.count";

    /// <inheritdoc/>
    public string Id => "behaviour.lane_change";

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
        int hold = FrameRuns.FramesFor(_options.MinHoldSeconds, time.StepSeconds);
        if (index.LaneCount == 0)
        {
            const string reason = "the scene has no lane map";
            return Evaluation.NotComputed(drive.Ego, Id, reason, Publishes);
        }

        int ego = index.IndexOf(drive.Ego);
        var track = index.TrackAt(ego);
        var events = new List<DrivingEvent>();
        foreach (var change in index.LaneChangesOf(ego, hold))
        {
            double t0 = time.TimeOf(change.EntryFrame), t1 = time.TimeOf(change.ConfirmFrame + 1);
            var state = track.StateAt(change.EntryFrame);
            string side = change.Side == LaneSide.Left ? "left" : "right";
            events.Add(new DrivingEvent(
                EventKind.LaneChange,
                t0,
                t1,
                [],
                new Dictionary<string, double>
                {
                    ["to_left_bool"] = change.Side == LaneSide.Left ? 1 : 0,
                    ["hold_s"] = t1 - t0,
                    ["speed_at_entry_mps"] = state.Speed,
                },
                $"The ego changed {side} from lane {index.LaneAt(change.FromLane).Id} to lane {index.LaneAt(change.ToLane).Id} at {Invariant.Short(t0)} s."));
        }

        return new Evaluation(drive.Ego, [Id], [Publishes[0].Measured(events.Count)], events, [], []);
    }

}
