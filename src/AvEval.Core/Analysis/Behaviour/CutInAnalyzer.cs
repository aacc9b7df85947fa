using System.Globalization;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Analysis.Internal;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// Cut-ins in front of the ego: another vehicle's lane change (<see cref="SceneLaneIndex.LaneChangesOf"/>, same
/// hysteresis as the ego's) whose new lane, at its first frame there, is the ego's lane or one that follows it, with the
/// other's centre ahead of the ego's and the bumper-to-bumper gap at most <see cref="CutInOptions.MaxGapMetres"/>.
/// Evidence: the gap at entry; the ego's reaction, i.e. its smallest smoothed longitudinal acceleration over
/// <see cref="CutInOptions.ReactionWindowSeconds"/> from entry; and how long until its THW is back to the smaller of
/// its pre-cut-in value and <see cref="CutInOptions.ThwRecoverySeconds"/> — absent (with <c>thw_recovered_bool</c> = 0)
/// when it never is within the scene.
/// </summary>
public sealed class CutInAnalyzer : IDriveAnalyzer
{
    private readonly CutInOptions _options;

    /// <summary>Creates the analyzer.</summary>
    public CutInAnalyzer(CutInOptions? options = null)
    {
        _options = options ?? new CutInOptions();
        string definition = $"another vehicle's lane change (held >= {Invariant.Short(_options.LaneChange.MinHoldSeconds)} s) into the ego's lane or its successors, centre ahead of the ego, bumper-to-bumper gap at entry <= {Invariant.Short(_options.MaxGapMetres)} m";
        string gapDefinition = "bumper-to-bumper gap along the lane path at the cutting vehicle's first frame in the ego's lane; " + definition;
        Publishes =
        [
            new(CutInCount, Unit.Dimensionless, definition, MetricAuthority.AvEval, MotionControl.Both),
            new(CutInGapAtEntryMin, Unit.Metre, gapDefinition, MetricAuthority.AvEval, MotionControl.Both),
        ];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.CutIn, MotionControl.Both, CutInCount)];

    /// <summary>Number of cut-ins in front of the ego.</summary>
    public static string CutInCount => "cut_in.count";

    /// <summary>Smallest gap at entry over the cut-ins, m.</summary>
    public static string CutInGapAtEntryMin => "cut_in.gap_at_entry.min";

    /// <inheritdoc/>
    public string Id => "behaviour.cut_in";

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
        if (index.LaneCount == 0)
        {
            const string reason = "the scene has no lane map";
            return Evaluation.NotComputed(drive.Ego, Id, reason, Publishes);
        }

        int ego = index.IndexOf(drive.Ego);
        var egoTrack = index.TrackAt(ego);
        int hold = FrameRuns.FramesFor(_options.LaneChange.MinHoldSeconds, time.StepSeconds);
        FollowingProfile? profile = null;
        double[]? accel = null;
        bool accelComputed = false;
        var events = new List<DrivingEvent>();
        double gapMin = double.PositiveInfinity;
        for (int other = 0; other < index.TrackCount; other++)
        {
            var otherTrack = index.TrackAt(other);
            if (other == ego || otherTrack.Kind != AgentKind.Vehicle)
            {
                continue;
            }

            foreach (var change in index.LaneChangesOf(other, hold))
            {
                int entry = change.EntryFrame;
                int egoLane = index.LaneOf(ego, entry);
                if (egoLane < 0)
                {
                    continue;
                }

                double egoS = index.FrenetOf(ego, entry).S;
                double halves = (egoTrack.Size.Length + otherTrack.Size.Length) / 2;
                if (!index.TryPathOffset(egoLane, change.ToLane, egoS + halves + _options.MaxGapMetres, out double offset))
                {
                    continue;
                }

                double ahead = index.FrenetOf(other, entry).S + offset - egoS;
                double gap = ahead - halves;
                if (ahead <= 0 || gap > _options.MaxGapMetres)
                {
                    continue;
                }

                profile ??= FollowingProfile.Compute(index, ego, _options.Following);
                if (!accelComputed)
                {
                    accel = LongitudinalAcceleration.Compute(egoTrack, time.StepSeconds, _options.Smoothing.SmoothingWindow, _options.Smoothing.SmoothingOrder, out _);
                    accelComputed = true;
                }

                gapMin = Math.Min(gapMin, gap);
                events.Add(Describe(index, egoTrack, otherTrack, change, gap, profile, accel, time));
            }
        }

        events.Sort((a, b) => a.StartSeconds.CompareTo(b.StartSeconds));
        return new Evaluation(
            drive.Ego,
            [Id],
            [
                Publishes[0].Measured(events.Count),
                Publishes[1].ValueOrNotComputed(events.Count > 0 ? gapMin : null, "no vehicle cut in ahead of the ego"),
            ],
            events,
            [],
            []);
    }

    private DrivingEvent Describe(SceneLaneIndex index, Track egoTrack, Track otherTrack, LaneChange change, double gap, FollowingProfile profile, double[]? accel, TimeBase time)
    {
        int entryK = change.EntryFrame - egoTrack.FirstFrame;
        var evidence = new Dictionary<string, double>
        {
            ["gap_at_entry_m"] = gap,
            ["from_left_bool"] = change.Side == LaneSide.Right ? 1 : 0,
            ["reaction_window_s"] = _options.ReactionWindowSeconds,
        };

        string reaction;
        if (accel is not null)
        {
            int end = Math.Min(accel.Length, entryK + FrameRuns.FramesFor(_options.ReactionWindowSeconds, time.StepSeconds));
            double min = double.PositiveInfinity;
            for (int k = entryK; k < end; k++)
            {
                min = Math.Min(min, accel[k]);
            }

            evidence["ego_min_accel_lon_mps2"] = min;
            reaction = $"the ego's smoothed longitudinal acceleration over the next {Invariant.Short(_options.ReactionWindowSeconds)} s was at least {Invariant.Short(min)} m/s^2";
        }
        else
        {
            reaction = "the ego's track is too short to smooth its acceleration";
        }

        double before = entryK > 0 ? profile.Thw[entryK - 1] : double.NaN;
        double target = double.IsNaN(before) ? _options.ThwRecoverySeconds : Math.Min(before, _options.ThwRecoverySeconds);
        if (double.IsFinite(before))
        {
            evidence["thw_before_s"] = before;
        }

        evidence["thw_target_s"] = target;
        int recovered = -1;
        for (int k = entryK; k < profile.Thw.Length; k++)
        {
            if (profile.Thw[k] >= target)
            {
                recovered = k;
                break;
            }
        }

        string recovery;
        if (recovered >= 0)
        {
            double seconds = (recovered - entryK) * time.StepSeconds;
            evidence["thw_recovered_bool"] = 1;
            evidence["thw_recovery_s"] = seconds;
            recovery = $"THW was back to {Invariant.Short(target)} s after {Invariant.Short(seconds)} s";
        }
        else
        {
            evidence["thw_recovered_bool"] = 0;
            recovery = $"THW did not recover to {Invariant.Short(target)} s before the ego's track ends";
        }

        string from = change.Side == LaneSide.Right ? "left" : "right";
        return new DrivingEvent(
            EventKind.CutIn,
            time.TimeOf(change.EntryFrame),
            time.TimeOf(change.ConfirmFrame + 1),
            [otherTrack.Id],
            evidence,
            $"Vehicle {otherTrack.Id} cut in from the {from} into lane {index.LaneAt(change.ToLane).Id} {Invariant.Short(gap)} m ahead of the ego; {reaction}; {recovery}.");
    }

}
