using System.Globalization;
using AvEval.Analysis;
using AvEval.Geometry;
using AvEval.Scenarios;

namespace AvEval.Reasoning;

/// <summary>
/// Whether the agents a trace cites exist and are where and doing what it says. A cited agent is <b>missing</b> when the
/// drive's scene has no track of that id with a state at the step's frame. Otherwise its stated distance is compared with
/// the measured bumper-to-bumper distance along the ego's heading, d = (p_agent − p_ego)·ĥ − (L_ego + L_agent)/2, and its
/// stated closing speed with (v_ego − v_agent)·ĥ; either off by more than the larger of an absolute and a relative
/// tolerance (<see cref="ReasoningCheckOptions.DistanceToleranceMetres"/> and
/// <see cref="ReasoningCheckOptions.DistanceRelativeTolerance"/> of |d|; <see cref="ReasoningCheckOptions.ClosingSpeedToleranceMps"/>
/// and <see cref="ReasoningCheckOptions.ClosingSpeedRelativeTolerance"/>) makes the citation <b>misplaced</b>. A straight-line
/// distance differs from a planner's gap along a curved lane; the tolerances absorb that on the in-repo roads.
/// </summary>
public sealed class CitedAgentAnalyzer : IDriveAnalyzer
{
    private readonly ReasoningCheckOptions _options;

    /// <summary>Creates the check.</summary>
    /// <param name="options">Its thresholds; null for the defaults.</param>
    public CitedAgentAnalyzer(ReasoningCheckOptions? options = null)
    {
        _options = options ?? new ReasoningCheckOptions();
        var o = _options;
        string misplaced = string.Create(CultureInfo.InvariantCulture, $"citations whose stated distance is off by more than max({o.DistanceToleranceMetres:0.###} m, {o.DistanceRelativeTolerance:0.###} x measured) from the bumper-to-bumper distance along the ego's heading, or whose closing speed is off by more than max({o.ClosingSpeedToleranceMps:0.###} m/s, {o.ClosingSpeedRelativeTolerance:0.###} x |measured|)");
        Publishes =
        [
            new(CitedCount, Unit.Dimensionless, "agent citations in the trace's steps (AvEval chain-of-thought check)", MetricAuthority.AvEval, MotionControl.Both),
            new(MissingCount, Unit.Dimensionless, "citations of an agent with no track state in the scene at the step's time", MetricAuthority.AvEval, MotionControl.Both),
            new(MisplacedCount, Unit.Dimensionless, misplaced, MetricAuthority.AvEval, MotionControl.Both),
            new(DistanceErrorMax, Unit.Metre, "largest |stated - measured| distance over citations of existing agents that state one", MetricAuthority.AvEval, MotionControl.Both),
        ];
    }

    /// <summary>Citations.</summary>
    public static string CitedCount => "cot.cited.count";

    /// <summary>Citations of agents not in the scene.</summary>
    public static string MissingCount => "cot.cited.missing.count";

    /// <summary>Citations with a wrong distance or closing speed.</summary>
    public static string MisplacedCount => "cot.cited.misplaced.count";

    /// <summary>Largest distance error, m.</summary>
    public static string DistanceErrorMax => "cot.cited.distance_error.max";

    /// <inheritdoc/>
    public string Id => "cot.cited_agents";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } =
        [new(ReasoningEvents.CitedAgentMissing, MotionControl.Both, CitedCount), new(ReasoningEvents.CitedAgentMisplaced, MotionControl.Both, CitedCount)];

    /// <summary>The measured distance (m) and closing speed (m/s) of an agent from the ego at a frame, as defined above; null when either is absent.</summary>
    /// <param name="drive">The drive.</param>
    /// <param name="agent">The agent's track.</param>
    /// <param name="frame">The scene frame.</param>
    public static (double Distance, double ClosingSpeed)? Measure(Drive drive, Scenes.TrackId agent, int frame)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var ego = drive.EgoTrack;
        if (!ego.TryGetState(frame, out var e) || !drive.Scene.TryGetTrack(agent, out var track) || !track.TryGetState(frame, out var s))
        {
            return null;
        }

        var h = Point2.FromAngle(e.Heading);
        double along = new Point2(s.X - e.X, s.Y - e.Y).Dot(h);
        double distance = along - ((ego.Size.Length + track.Size.Length) / 2);
        double closing = new Point2(e.Vx - s.Vx, e.Vy - s.Vy).Dot(h);
        return (distance, closing);
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
        var tb = drive.Scene.TimeBase;
        var inv = CultureInfo.InvariantCulture;
        int cited = 0, missing = 0, misplaced = 0;
        double? distanceErrorMax = null;
        var events = new List<DrivingEvent>();
        foreach (var step in trace.Steps)
        {
            int frame = (int)Math.Round((step.TimeSeconds - tb.StartSeconds) / tb.StepSeconds);
            double t0 = tb.TimeOf(frame), t1 = tb.TimeOf(frame + 1);
            foreach (var c in step.Cited)
            {
                cited++;
                if (Measure(drive, c.Agent, frame) is not { } measured)
                {
                    missing++;
                    string where = drive.Scene.TryGetTrack(c.Agent, out _) ? "has no state at that time" : "is not a track of the scene";
                    events.Add(new DrivingEvent(ReasoningEvents.CitedAgentMissing, t0, t1, [c.Agent], new Dictionary<string, double>(), string.Create(inv, $"At {step.TimeSeconds:0.0} s the trace cites {c.Role} {c.Agent}, which {where}.")));
                    continue;
                }

                var problems = new List<string>();
                var evidence = new Dictionary<string, double> { ["measured_distance_m"] = measured.Distance, ["measured_closing_speed_mps"] = measured.ClosingSpeed };
                if (c.DistanceMetres is { } d)
                {
                    double error = Math.Abs(d - measured.Distance);
                    distanceErrorMax = Math.Max(distanceErrorMax ?? 0, error);
                    evidence["stated_distance_m"] = d;
                    if (error > Math.Max(o.DistanceToleranceMetres, o.DistanceRelativeTolerance * Math.Abs(measured.Distance)))
                    {
                        problems.Add(string.Create(inv, $"{d:0.0} m ahead (measured {measured.Distance:0.0} m)"));
                    }
                }

                if (c.ClosingSpeedMps is { } cs)
                {
                    evidence["stated_closing_speed_mps"] = cs;
                    if (Math.Abs(cs - measured.ClosingSpeed) > Math.Max(o.ClosingSpeedToleranceMps, o.ClosingSpeedRelativeTolerance * Math.Abs(measured.ClosingSpeed)))
                    {
                        problems.Add(string.Create(inv, $"closing at {cs:0.0} m/s (measured {measured.ClosingSpeed:0.0} m/s)"));
                    }
                }

                if (problems.Count > 0)
                {
                    misplaced++;
                    events.Add(new DrivingEvent(ReasoningEvents.CitedAgentMisplaced, t0, t1, [c.Agent], evidence, string.Create(inv, $"At {step.TimeSeconds:0.0} s the trace says {c.Role} {c.Agent} is {string.Join(" and ", problems)}.")));
                }
            }
        }

        return new Evaluation(
            drive.Ego,
            [Id],
            [
                Publishes[0].Measured(cited),
                Publishes[1].Measured(missing),
                Publishes[2].Measured(misplaced),
                Publishes[3].ValueOrNotComputed(distanceErrorMax, "no citation of an existing agent states a distance"),
            ],
            events,
            [],
            []);
    }
}
