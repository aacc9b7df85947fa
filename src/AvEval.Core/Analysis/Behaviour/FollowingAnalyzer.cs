using System.Globalization;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Analysis.Internal;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// Car following: the lead is the nearest vehicle ahead of the ego in its lane or the lanes that follow it
/// (<see cref="SceneLaneIndex.TryFindLeadInLanes"/>); when the ego is in no lane, the nearest vehicle ahead within a
/// corridor of half a lane width either side of its heading line. Per frame: the bumper-to-bumper gap along the path,
/// time headway <c>thw.gap</c> = gap / ego speed (the common "THW gap" definition; CommonRoad-CriMe's THW is a different,
/// trajectory-based time and is not this), and <c>ttc.following</c> = gap / closing speed while closing, else +∞.
/// A negative gap (boxes overlapping along the path) counts as 0 in THW and TTC.
/// </summary>
public sealed class FollowingAnalyzer : IDriveAnalyzer
{
    private readonly FollowingOptions _options;

    /// <summary>Creates the analyzer.</summary>
    public FollowingAnalyzer(FollowingOptions? options = null)
    {
        _options = options ?? new FollowingOptions();
        string lead = "lead = nearest vehicle ahead in the ego's lane or its successors (lane association), else within "
            + Invariant.Short(_options.CorridorHalfWidthMetres) + " m of the ego's heading line";
        string gapDef = "bumper-to-bumper gap along the lane path (centre arc-length difference minus half of each length); " + lead;
        string thwDef = $"THW gap = gap / ego speed (common time-headway definition, not CommonRoad-CriMe THW); undefined below {Invariant.Short(_options.MinSpeedForHeadway)} m/s; +inf without a lead; {lead}";
        string ttcDef = "following TTC = gap / (ego speed − lead speed, both along the path) while closing, else +inf; " + lead;
        Publishes =
        [
            new(GapLeadMin, Unit.Metre, gapDef, MetricAuthority.AvEval, MotionControl.Both),
            new(ThwGapMin, Unit.Second, thwDef, MetricAuthority.AvEval, MotionControl.Both),
            new(ThwGapMean, Unit.Second, thwDef + "; mean over frames with a lead and a defined THW", MetricAuthority.AvEval, MotionControl.Both),
            new(TtcFollowingMin, Unit.Second, ttcDef, MetricAuthority.AvEval, MotionControl.Both),
        ];
    }

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    /// <remarks>Both detectors always look (without a lead THW and TTC are +∞), so <see cref="TtcFollowingMin"/>, which always has a value when the analyzer ran, is their detector metric.</remarks>
    public IReadOnlyList<EventDescriptor> Detects { get; } =
        [new(EventKind.ShortHeadway, MotionControl.Both, TtcFollowingMin), new(EventKind.LowTimeToCollision, MotionControl.Both, TtcFollowingMin)];

    /// <summary>Smallest bumper-to-bumper gap to the lead, m.</summary>
    public static string GapLeadMin => "gap.lead.min";

    /// <summary>Smallest time headway gap / ego speed, s.</summary>
    public static string ThwGapMin => "thw.gap.min";

    /// <summary>Mean time headway over frames with a lead, s.</summary>
    public static string ThwGapMean => "thw.gap.mean";

    /// <summary>Smallest following TTC gap / closing speed, s.</summary>
    public static string TtcFollowingMin => "ttc.following.min";

    /// <inheritdoc/>
    public string Id => "behaviour.following";

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
        int ego = index.IndexOf(drive.Ego);
        var profile = FollowingProfile.Compute(index, ego, _options);
        var time = drive.Scene.TimeBase;
        int n = profile.Lead.Length;
        double gapMin = double.PositiveInfinity, thwMin = double.PositiveInfinity, thwSum = 0, ttcMin = double.PositiveInfinity;
        int thwDefined = 0, thwWithLead = 0, leadFrames = 0;
        for (int k = 0; k < n; k++)
        {
            if (profile.Lead[k] >= 0)
            {
                leadFrames++;
                gapMin = Math.Min(gapMin, profile.Gap[k]);
                ttcMin = Math.Min(ttcMin, profile.Ttc[k]);
            }

            double thw = profile.Thw[k];
            if (!double.IsNaN(thw))
            {
                thwDefined++;
                thwMin = Math.Min(thwMin, thw);
                if (profile.Lead[k] >= 0)
                {
                    thwWithLead++;
                    thwSum += thw;
                }
            }
        }

        var metrics = new List<Metric>
        {
            Publishes[0].ValueOrNotComputed(leadFrames > 0 ? gapMin : null, "the ego had no lead vehicle at any frame"),
            Publishes[1].ValueOrNotComputed(thwDefined > 0 ? thwMin : null, $"the ego never reached {Invariant.Short(_options.MinSpeedForHeadway)} m/s"),
            Publishes[2].ValueOrNotComputed(thwWithLead > 0 ? thwSum / thwWithLead : null, "no frame had both a lead and a defined THW"),
            Publishes[3].Measured(ttcMin),
        };

        var times = new double[n];
        for (int k = 0; k < n; k++)
        {
            times[k] = time.TimeOf(profile.FirstFrame + k);
        }

        var events = new List<DrivingEvent>();
        AddEvents(events, profile, index, time, profile.Thw, _options.ShortHeadwaySeconds, _options.ShortHeadwayMinDurationSeconds, EventKind.ShortHeadway, "thw_gap");
        AddEvents(events, profile, index, time, profile.Ttc, _options.LowTtcSeconds, _options.LowTtcMinDurationSeconds, EventKind.LowTimeToCollision, "ttc_following");
        events.Sort((a, b) => a.StartSeconds.CompareTo(b.StartSeconds));

        return new Evaluation(
            drive.Ego,
            [Id],
            metrics,
            events,
            [
                new MetricSeries("gap.lead", Unit.Metre, Publishes[0].Definition, times, profile.Gap),
                new MetricSeries("thw.gap", Unit.Second, Publishes[1].Definition, times, profile.Thw),
                new MetricSeries("ttc.following", Unit.Second, Publishes[3].Definition, times, profile.Ttc),
            ],
            []);
    }

    private static void AddEvents(List<DrivingEvent> events, FollowingProfile profile, SceneLaneIndex index, TimeBase time, double[] signal, double bound, double minDuration, EventKind kind, string signalName)
    {
        var mask = new bool[signal.Length];
        for (int k = 0; k < signal.Length; k++)
        {
            mask[k] = signal[k] < bound;
        }

        foreach (var (start, length) in FrameRuns.Find(mask, FrameRuns.FramesFor(minDuration, time.StepSeconds)))
        {
            double min = double.PositiveInfinity, gapMin = double.PositiveInfinity;
            var agents = new List<TrackId>();
            for (int k = start; k < start + length; k++)
            {
                min = Math.Min(min, signal[k]);
                gapMin = Math.Min(gapMin, profile.Gap[k]);
                var id = index.TrackAt(profile.Lead[k]).Id;
                if (!agents.Contains(id))
                {
                    agents.Add(id);
                }
            }

            double t0 = time.TimeOf(profile.FirstFrame + start), t1 = time.TimeOf(profile.FirstFrame + start + length);
            string name = signalName.Replace('_', '.');
            events.Add(new DrivingEvent(
                kind,
                t0,
                t1,
                agents,
                new Dictionary<string, double>
                {
                    [$"{signalName}_min_s"] = min,
                    [$"{signalName}_bound_s"] = bound,
                    ["duration_s"] = t1 - t0,
                    ["gap_min_m"] = gapMin,
                },
                $"{name} stayed below {Invariant.Short(bound)} s for {Invariant.Short(t1 - t0)} s (min {Invariant.Short(min)} s) behind {string.Join(", ", agents)}."));
        }
    }

}
