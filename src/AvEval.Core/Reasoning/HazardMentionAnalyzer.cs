using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Reasoning;

/// <summary>
/// Whether a trace mentions the hazards the rule analyzers find on its drive: every cut-in ahead of the ego
/// (<see cref="CutInAnalyzer"/>), every short-headway episode (<see cref="FollowingAnalyzer"/>, THW gap below 1 s), and
/// every lead braking episode (<see cref="Hazards"/>: the ego's lead by <see cref="FollowingAnalyzer"/>'s rule, its
/// smoothed longitudinal acceleration at or below <see cref="ReasoningCheckOptions.LeadBrakingThreshold"/> for
/// <see cref="ReasoningCheckOptions.LeadBrakingMinDurationSeconds"/>). A hazard is <b>mentioned</b> when a step from
/// <see cref="ReasoningCheckOptions.MentionBeforeSeconds"/> before its start to
/// <see cref="ReasoningCheckOptions.MentionAfterSeconds"/> after its end cites one of its agents, or names one in its text
/// as a whole word (free text); otherwise it is <b>missed</b>. A trace answers for the time it covers: only hazards that
/// overlap its first step's time less <see cref="ReasoningCheckOptions.MentionBeforeSeconds"/> to its last step's time plus
/// <see cref="ReasoningCheckOptions.MentionAfterSeconds"/> count.
/// </summary>
public sealed class HazardMentionAnalyzer : IDriveAnalyzer
{
    private readonly ReasoningCheckOptions _options;

    /// <summary>Creates the check.</summary>
    /// <param name="options">Its thresholds; null for the defaults.</param>
    public HazardMentionAnalyzer(ReasoningCheckOptions? options = null)
    {
        _options = options ?? new ReasoningCheckOptions();
        string hazards = string.Create(CultureInfo.InvariantCulture, $"hazards = cut-ins ahead of the ego (CutInAnalyzer), short headway (FollowingAnalyzer, THW gap < 1 s), lead braking (the ego's lead with smoothed longitudinal acceleration <= {_options.LeadBrakingThreshold:0.###} m/s^2 for >= {_options.LeadBrakingMinDurationSeconds:0.###} s)");
        string mentioned = string.Create(CultureInfo.InvariantCulture, $"a step from {_options.MentionBeforeSeconds:0.###} s before to {_options.MentionAfterSeconds:0.###} s after the hazard cites or names one of its agents");
        Publishes =
        [
            new(HazardCount, Unit.Dimensionless, hazards, MetricAuthority.AvEval, MotionControl.Both),
            new(MissedCount, Unit.Dimensionless, $"hazards no step mentions; {mentioned}; {hazards}", MetricAuthority.AvEval, MotionControl.Both),
            new(MentionedFraction, Unit.Dimensionless, $"share of hazards mentioned; {mentioned}", MetricAuthority.AvEval, MotionControl.Both),
        ];
    }

    /// <summary>Hazards found.</summary>
    public static string HazardCount => "cot.hazard.count";

    /// <summary>Hazards not mentioned.</summary>
    public static string MissedCount => "cot.hazard.missed.count";

    /// <summary>Share of hazards mentioned.</summary>
    public static string MentionedFraction => "cot.hazard.mentioned.fraction";

    /// <inheritdoc/>
    public string Id => "cot.hazards_mentioned";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(ReasoningEvents.HazardMissed, MotionControl.Both, HazardCount)];

    /// <summary>The hazards of a drive, in time order: cut-ins, short-headway episodes and lead braking episodes (<see cref="ReasoningEvents.LeadBraking"/>).</summary>
    /// <param name="drive">The drive.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    public static IReadOnlyList<DrivingEvent> Hazards(Drive drive, ReasoningCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var o = options ?? new ReasoningCheckOptions();
        var index = SceneLaneIndex.For(drive.Scene);
        var hazards = new List<DrivingEvent>();
        hazards.AddRange(new CutInAnalyzer().Analyze(drive, index).EventsOf(EventKind.CutIn));
        hazards.AddRange(new FollowingAnalyzer().Analyze(drive, index).EventsOf(EventKind.ShortHeadway));
        hazards.AddRange(LeadBraking(drive, index, o));
        return [.. hazards.OrderBy(h => h.StartSeconds).ThenBy(h => h.Kind.Name, StringComparer.Ordinal)];
    }

    private static List<DrivingEvent> LeadBraking(Drive drive, SceneLaneIndex index, ReasoningCheckOptions o)
    {
        var tb = drive.Scene.TimeBase;
        var following = new FollowingOptions();
        var profile = FollowingProfile.Compute(index, index.IndexOf(drive.Ego), following);
        var smoothing = new HardBrakingOptions();
        var accelByTrack = new Dictionary<int, double[]?>();
        var mask = new bool[profile.Lead.Length];
        var value = new double[profile.Lead.Length];
        for (int k = 0; k < mask.Length; k++)
        {
            int lead = profile.Lead[k];
            if (lead < 0)
            {
                continue;
            }

            if (!accelByTrack.TryGetValue(lead, out var accel))
            {
                accel = LongitudinalAcceleration.Compute(index.TrackAt(lead), tb.StepSeconds, smoothing.SmoothingWindow, smoothing.SmoothingOrder, out _);
                accelByTrack[lead] = accel;
            }

            int leadK = profile.FirstFrame + k - index.TrackAt(lead).FirstFrame;
            if (accel is not null && leadK >= 0 && leadK < accel.Length && accel[leadK] <= o.LeadBrakingThreshold)
            {
                mask[k] = true;
                value[k] = accel[leadK];
            }
        }

        var events = new List<DrivingEvent>();
        foreach (var (start, length) in FrameRuns.Find(mask, FrameRuns.FramesFor(o.LeadBrakingMinDurationSeconds, tb.StepSeconds)))
        {
            var agents = new List<TrackId>();
            double min = 0;
            for (int k = start; k < start + length; k++)
            {
                var id = index.TrackAt(profile.Lead[k]).Id;
                if (!agents.Contains(id))
                {
                    agents.Add(id);
                }

                min = Math.Min(min, value[k]);
            }

            double t0 = tb.TimeOf(profile.FirstFrame + start), t1 = tb.TimeOf(profile.FirstFrame + start + length);
            events.Add(new DrivingEvent(
                ReasoningEvents.LeadBraking,
                t0,
                t1,
                agents,
                new Dictionary<string, double> { ["lead_min_accel_lon_mps2"] = min, ["duration_s"] = t1 - t0 },
                string.Create(CultureInfo.InvariantCulture, $"Lead {string.Join(", ", agents)} braked at down to {min:0.00} m/s^2 for {t1 - t0:0.0} s.")));
        }

        return events;
    }

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        if (drive.Trace is not { } trace)
        {
            return Evaluation.NotComputed(drive.Ego, Id, ReasoningChecks.NoTrace, Publishes);
        }

        var o = _options;
        var hazards = new List<DrivingEvent>();
        if (trace.Steps.Count > 0)
        {
            // A trace answers for the time it covers: hazards overlapping its first step (less the lead time) to its last (plus the lag).
            double from = trace.Steps.Min(s => s.TimeSeconds) - o.MentionBeforeSeconds, to = trace.Steps.Max(s => s.TimeSeconds) + o.MentionAfterSeconds;
            hazards.AddRange(Hazards(drive, o).Where(h => h.EndSeconds > from && h.StartSeconds <= to));
        }

        var events = new List<DrivingEvent>();
        foreach (var h in hazards)
        {
            bool mentioned = trace.Steps.Any(s =>
                s.TimeSeconds >= h.StartSeconds - o.MentionBeforeSeconds - 1e-9 && s.TimeSeconds <= h.EndSeconds + o.MentionAfterSeconds + 1e-9
                && h.Agents.Any(a => s.Cited.Any(c => c.Agent == a) || Names(s.Text, a)));
            if (!mentioned)
            {
                events.Add(new DrivingEvent(
                    ReasoningEvents.HazardMissed,
                    h.StartSeconds,
                    h.EndSeconds,
                    h.Agents,
                    h.Evidence,
                    string.Create(CultureInfo.InvariantCulture, $"No step from {h.StartSeconds - o.MentionBeforeSeconds:0.0} s to {h.EndSeconds + o.MentionAfterSeconds:0.0} s mentions the {h.Kind.Name} of {string.Join(", ", h.Agents)} ({h.Summary})")));
            }
        }

        return new Evaluation(
            drive.Ego,
            [Id],
            [
                Publishes[0].Measured(hazards.Count),
                Publishes[1].Measured(events.Count),
                Publishes[2].ValueOrNotComputed(hazards.Count > 0 ? 1 - ((double)events.Count / hazards.Count) : null, "the analyzers found no hazard on the drive"),
            ],
            events,
            [],
            []);
    }

    private static bool Names(string text, TrackId agent) =>
        Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(agent.Value)}(?![\w]|\.\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
