using System.Globalization;
using AvEval.Analysis;
using AvEval.Candidates.Internal;
using AvEval.Geometry;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>
/// A planner driving in log replay. Other agents replay as recorded (non-reactive). The ego starts from its
/// recorded position and speed at its first frame in the window and follows its recorded box-centre path laterally
/// (position by arc length along the polyline, heading from the path); the planner chooses its acceleration along
/// the path every <see cref="LogReplayOptions.DecisionPeriod"/> (10 Hz), held between decisions.
/// <para>
/// Integration is the ballistic scheme of Treiber and Kanagaraj (2015), per scene frame of length Δt:
/// v' = max(0, v + a Δt); s' = s + v Δt + a Δt²/2, or s' = s − v²/(2a) when the ego stops within the frame
/// (no negative speed). The ego's box keeps its recorded size; its velocity and acceleration in the output are
/// the path direction times the speed, and the forward difference of that velocity. Deterministic: no randomness,
/// no dependence on wall time or thread.
/// </para>
/// </summary>
public sealed class LogReplayCandidate : ICandidate
{
    private readonly IPlanner _planner;
    private readonly LogReplayOptions _options;

    /// <summary>Creates a log-replay candidate.</summary>
    public LogReplayCandidate(CandidateId id, IPlanner planner, LogReplayOptions? options = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        ArgumentNullException.ThrowIfNull(planner);
        _options = options ?? LogReplayOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.DecisionPeriod, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Lookahead, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxDeceleration, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.CorridorMargin, nameof(options));
        Id = id;
        _planner = planner;
        Description = description ?? $"Log replay with {planner.Configuration}";
        Configuration = string.Create(
            CultureInfo.InvariantCulture,
            $"log-replay/1\nplanner: {planner.Configuration}\ncorridor_margin_m: {_options.CorridorMargin:R}\nlookahead_m: {_options.Lookahead:R}\ndecision_period_s: {_options.DecisionPeriod:R}\nmax_deceleration_mps2: {_options.MaxDeceleration:R}\n");
        Fingerprint = Fingerprints.OfText(Configuration);
    }

    /// <inheritdoc/>
    public CandidateId Id { get; }

    /// <summary>The canonical configuration text whose SHA-256 is <see cref="Fingerprint"/>.</summary>
    public string Configuration { get; }

    /// <inheritdoc/>
    public string Fingerprint { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>
    /// Longitudinal only: the planner chooses the speed along the recorded path, which the ego follows sideways, so its
    /// lane offset at each point of the path is the recorded one. A planner that steers would add lateral control.
    /// </summary>
    public MotionControl Controls => MotionControl.Longitudinal;

    /// <inheritdoc/>
    public Drive Drive(ScenarioSpec spec, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scene);
        var window = SceneWindow.Cut(scene, spec, Id);
        var recorded = window[spec.Ego];
        var windowFirst = spec.Window is { } w ? SceneWindow.Frames(scene.TimeBase, w).First : 0;
        var whole = scene[spec.Ego];
        var driven = Replay(window, recorded, whole, windowFirst + recorded.FirstFrame - whole.FirstFrame);
        return new Drive(SceneWindow.WithTrack(window, driven), spec.Ego);
    }

    private Track Replay(Scene window, Track recorded, Track wholeRecording, int skip)
    {
        var dt = window.TimeBase.StepSeconds;
        var frames = recorded.Length;
        var start = recorded.States[0];

        // The path runs from the ego's start in the window to the end of its whole recording, then straight on
        // (long enough for 100 m/s over the window plus the lookahead).
        var points = new List<Point2>(wholeRecording.Length - skip);
        foreach (var state in wholeRecording.States[skip..])
        {
            points.Add(new Point2(state.X, state.Y));
        }

        var path = new RecordedPath(points, start.Heading, _options.Lookahead + (100.0 * frames * dt));

        var framesPerDecision = Math.Max(1, (int)Math.Round(_options.DecisionPeriod / dt));
        var s = new double[frames + 1];
        var v = new double[frames + 1];
        v[0] = start.Speed;
        var a = 0.0;
        for (var k = 0; k < frames; k++)
        {
            if (k % framesPerDecision == 0)
            {
                var lead = FindLead(window, recorded, recorded.FirstFrame + k, path, s[k]);
                var situation = new PlannerSituation(window.TimeBase.TimeOf(recorded.FirstFrame + k), v[k], s[k], lead);
                a = Math.Max(_planner.Acceleration(situation), -_options.MaxDeceleration);
            }

            var next = v[k] + (a * dt);
            if (next >= 0)
            {
                s[k + 1] = s[k] + (v[k] * dt) + (0.5 * a * dt * dt);
                v[k + 1] = next;
            }
            else
            {
                s[k + 1] = s[k] - (v[k] * v[k] / (2 * a));
                v[k + 1] = 0;
            }
        }

        var states = new AgentState[frames];
        for (var k = 0; k < frames; k++)
        {
            var p = path.PointAt(s[k]);
            var heading = path.HeadingAt(s[k]);
            var velocity = Point2.FromAngle(heading) * v[k];
            var nextVelocity = Point2.FromAngle(path.HeadingAt(s[k + 1])) * v[k + 1];
            var acceleration = (nextVelocity - velocity) * (1 / dt);
            states[k] = new AgentState(p.X, p.Y, heading, velocity.X, velocity.Y, acceleration.X, acceleration.Y);
        }

        return new Track(recorded.Id, recorded.Kind, recorded.SourceType, recorded.Size, recorded.FirstFrame, states, hasAcceleration: true);
    }

    private LeadVehicle? FindLead(Scene window, Track ego, int frame, RecordedPath path, double egoS)
    {
        var halfLength = ego.Size.Length / 2;
        var halfBand = (ego.Size.Width / 2) + _options.CorridorMargin;
        var egoPosition = path.PointAt(egoS);
        var front = egoS + halfLength;
        var reach = _options.Lookahead + halfLength;
        LeadVehicle? best = null;
        foreach (var track in window.Tracks)
        {
            if (track.Id == ego.Id || !track.TryGetState(frame, out var state))
            {
                continue;
            }

            var centre = new Point2(state.X, state.Y);
            var agentReach = (track.Size.Length + track.Size.Width) / 2;
            if (centre.DistanceTo(egoPosition) > reach + agentReach)
            {
                continue;
            }

            var lo = egoS - agentReach;
            var hi = egoS + reach + agentReach;
            var (centreS, _, _) = path.Project(centre, lo, hi);
            if (centreS <= egoS)
            {
                continue;
            }

            var nearest = double.PositiveInfinity;
            var minOffset = double.PositiveInfinity;
            var maxOffset = double.NegativeInfinity;
            foreach (var corner in new OrientedBox(centre, state.Heading, track.Size.Length, track.Size.Width).Corners())
            {
                var (cs, offset, _) = path.Project(corner, lo, hi);
                nearest = Math.Min(nearest, cs);
                minOffset = Math.Min(minOffset, offset);
                maxOffset = Math.Max(maxOffset, offset);
            }

            if (minOffset > halfBand || maxOffset < -halfBand)
            {
                continue;
            }

            var gap = nearest - front;
            if (gap <= _options.Lookahead && (best is null || gap < best.Value.Gap))
            {
                var speed = new Point2(state.Vx, state.Vy).Dot(path.TangentAt(centreS));
                best = new LeadVehicle(track.Id, gap, speed);
            }
        }

        return best;
    }
}
