using System.Globalization;
using AvEval.Analysis;
using AvEval.Candidates.Internal;
using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Reasoning;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Suites;

namespace AvEval.Candidates;

/// <summary>
/// An IDM planner in log replay that also steers: it tracks the centreline of its lane in the scene's lane graph with
/// pure pursuit (Coulter 1992, <see cref="PurePursuitOptions"/>) on a kinematic bicycle, and optionally changes lanes by
/// MOBIL (Kesting, Treiber and Helbing 2007, <see cref="MobilOptions"/>) with optional seeded perception noise on the lead
/// gap (<see cref="PerceptionNoiseOptions"/>). Other agents replay as recorded (non-reactive).
/// <para>
/// The ego starts from its recorded box centre, heading and speed at its first frame in the window, in the lane that
/// <see cref="SceneLaneIndex.TryAssociate"/> gives for that pose (a start in no lane tracks the recorded path instead, so
/// it still steers, but back onto the human's line). Every <see cref="LogReplayOptions.DecisionPeriod"/> it chooses an
/// acceleration (the IDM on the lead of its lane, found by <see cref="LogReplayOptions.CorridorMargin"/>'s band around the
/// lane centreline; during a lane change the lower of the accelerations for the leads of both lanes) and a path
/// curvature κ = 2 x / l² (Coulter's equation: x the goal point's lateral offset in the vehicle frame, l its distance from
/// the rear axle; the goal point is the centreline point a lookahead arc length past the rear axle's projection, a
/// common simplification of the circle intersection), clamped to tan(δ_max) / wheelbase. Between decisions both are held.
/// </para>
/// <para>
/// Per scene frame of length Δt the speed follows the ballistic scheme of <see cref="LogReplayCandidate"/>
/// (v' = max(0, v + a Δt)), and the rear axle moves the distance travelled on the arc of curvature κ (exact for a
/// kinematic bicycle at constant steering: ψ' = ψ + κ Δs). The output box centre lies half a wheelbase ahead of the rear
/// axle, its velocity is v (cos ψ, sin ψ) + v κ (wheelbase / 2) (−sin ψ, cos ψ), its acceleration the forward difference
/// of that velocity. A lane change is over when the box centre is within 0.3 m of the new lane's centreline.
/// Deterministic for a given run seed.
/// </para>
/// <para>
/// <see cref="DriveWithTrace"/> records the reasons of its decisions (<see cref="ReasoningTrace"/>) without changing them
/// (no extra noise draws; the ego track is bit-identical to <see cref="Drive"/>'s). A step is written at a decision that
/// is the first, changes the maneuver (<see cref="ManeuverTaxonomy.Classify"/> of the commanded acceleration and speed;
/// the lateral part is the lane change in progress), changes the cited leads, starts a lane change, or comes 1 s or more
/// after the last step. It cites each lead the IDM was given (own lane; during a change also the old lane's) with the gap
/// as perceived (with noise where the candidate has it) and the closing speed v − v_lead along the path; a MOBIL change
/// states its incentive against the threshold.
/// </para>
/// </summary>
public sealed class LaneFollowingCandidate : IReasoningCandidate
{
    private const double ChangeDoneOffset = 0.3;
    private const double ChainBehind = 150.0;
    private const double FollowerRange = 100.0;

    private readonly IntelligentDriverModelPlanner _planner;
    private readonly LogReplayOptions _options;
    private readonly PurePursuitOptions _steering;
    private readonly MobilOptions? _laneChange;
    private readonly PerceptionNoiseOptions? _noise;
    private readonly int? _runSeed;

    /// <summary>Creates a lane-following candidate.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="planner">The longitudinal model (also the model MOBIL assumes for every driver).</param>
    /// <param name="steering">The path tracker.</param>
    /// <param name="laneChange">MOBIL's parameters; null keeps the starting lane (and its successors) throughout.</param>
    /// <param name="noise">Perception noise on the lead gap; null for none.</param>
    /// <param name="options">Lead search and time step (as log replay).</param>
    /// <param name="description">One line for people.</param>
    /// <param name="runSeed">The run seed of the noise; null reads <c>AVEVAL_SEED</c> (<see cref="SuiteSettings.FromEnvironment"/>) at each drive.</param>
    public LaneFollowingCandidate(
        CandidateId id,
        IntelligentDriverModelPlanner planner,
        PurePursuitOptions? steering = null,
        MobilOptions? laneChange = null,
        PerceptionNoiseOptions? noise = null,
        LogReplayOptions? options = null,
        string? description = null,
        int? runSeed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        ArgumentNullException.ThrowIfNull(planner);
        _options = options ?? LogReplayOptions.Default;
        _steering = steering ?? PurePursuitOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.DecisionPeriod, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Lookahead, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxDeceleration, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.CorridorMargin, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_steering.LookaheadTime, nameof(steering));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_steering.MinimumLookahead, nameof(steering));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_steering.WheelbaseFraction, nameof(steering));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_steering.MaxSteering, nameof(steering));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(_steering.MaxSteering, Math.PI / 2, nameof(steering));
        if (laneChange is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(laneChange.Politeness, nameof(laneChange));
            ArgumentOutOfRangeException.ThrowIfNegative(laneChange.Threshold, nameof(laneChange));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laneChange.SafeBraking, nameof(laneChange));
            ArgumentOutOfRangeException.ThrowIfNegative(laneChange.MinimumInterval, nameof(laneChange));
        }

        if (noise is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noise.GapSigma, nameof(noise));
        }

        Id = id;
        _planner = planner;
        _laneChange = laneChange;
        _noise = noise;
        _runSeed = runSeed;
        var inv = CultureInfo.InvariantCulture;
        string lateral = string.Create(inv, $"pure-pursuit/1 lookahead_time_s={_steering.LookaheadTime:R} minimum_lookahead_m={_steering.MinimumLookahead:R} wheelbase_fraction={_steering.WheelbaseFraction:R} max_steering_rad={_steering.MaxSteering:R}");
        string change = laneChange is { } m
            ? string.Create(inv, $"mobil/1 politeness={m.Politeness:R} threshold_mps2={m.Threshold:R} safe_braking_mps2={m.SafeBraking:R} min_interval_s={m.MinimumInterval:R}")
            : "none";
        string perception = noise is { } n ? string.Create(inv, $"gap-lognormal/1 sigma={n.GapSigma:R}") : "none";
        Configuration = string.Create(
            inv,
            $"lane-following/1\nplanner: {planner.Configuration}\nlateral: {lateral}\nlane_change: {change}\nperception: {perception}\ncorridor_margin_m: {_options.CorridorMargin:R}\nlookahead_m: {_options.Lookahead:R}\ndecision_period_s: {_options.DecisionPeriod:R}\nmax_deceleration_mps2: {_options.MaxDeceleration:R}\n");
        Fingerprint = Fingerprints.OfText(Configuration);
        Description = description ?? $"Lane following with {planner.Configuration}";
    }

    /// <inheritdoc/>
    public CandidateId Id { get; }

    /// <summary>The canonical configuration text whose SHA-256 is <see cref="Fingerprint"/> (the run seed is not part of it; the run manifest records it).</summary>
    public string Configuration { get; }

    /// <inheritdoc/>
    public string Fingerprint { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Both: it chooses its speed, its line in the lane and (with MOBIL) its lane.</summary>
    public MotionControl Controls => MotionControl.Both;

    /// <summary>Whether its drives depend on the run seed (it has perception noise).</summary>
    public bool IsStochastic => _noise is not null;

    /// <summary>The same candidate with the run seed fixed (instead of read from <c>AVEVAL_SEED</c> at each drive).</summary>
    public LaneFollowingCandidate WithRunSeed(int seed) =>
        new(Id, _planner, _steering, _laneChange, _noise, _options, Description, seed);

    /// <inheritdoc/>
    public Drive Drive(ScenarioSpec spec, Scene scene) => DriveTraced(spec, scene, null);

    /// <inheritdoc/>
    public Drive DriveWithTrace(ScenarioSpec spec, Scene scene)
    {
        var steps = new List<ReasoningStep>();
        var drive = DriveTraced(spec, scene, steps);
        return drive with { Trace = new ReasoningTrace($"planner {Id}", steps, _options.DecisionPeriod) };
    }

    private Drive DriveTraced(ScenarioSpec spec, Scene scene, List<ReasoningStep>? trace)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scene);
        var window = SceneWindow.Cut(scene, spec, Id);
        var recorded = window[spec.Ego];
        var noise = _noise is null ? null : new SeededNormal(string.Create(CultureInfo.InvariantCulture, $"aveval-perception/1\n{_runSeed ?? SuiteSettings.FromEnvironment().Seed}\n{Id}\n{spec.DisplayName}"));
        var driven = new Simulation(this, window, recorded, scene, spec, noise, trace).Run();
        return new Drive(SceneWindow.WithTrack(window, driven), spec.Ego);
    }

    /// <summary>One drive's state.</summary>
    private sealed class Simulation
    {
        private readonly LaneFollowingCandidate _c;
        private readonly Scene _window;
        private readonly Track _recorded;
        private readonly SceneLaneIndex _index;
        private readonly Dictionary<LaneId, int> _laneIds = [];
        private readonly Dictionary<int, LaneChain> _chains = [];
        private readonly SeededNormal? _noise;
        private readonly double _wheelbase;
        private readonly double _halfBand;
        private readonly double _extension;
        private readonly RecordedPath? _fallback;
        private readonly List<ReasoningStep>? _trace;
        private readonly List<CitedAgent> _cited = [];
        private double _lastStep = double.NegativeInfinity;
        private Maneuver? _lastManeuver;
        private TrackId? _lastLead;
        private LateralManeuver _changeSide;
        private double _incentive;

        private RecordedPath _path;
        private LaneChain? _chain;
        private LaneChain? _from;
        private double _hint;
        private double _fromHint;

        public Simulation(LaneFollowingCandidate candidate, Scene window, Track recorded, Scene scene, ScenarioSpec spec, SeededNormal? noise, List<ReasoningStep>? trace)
        {
            _c = candidate;
            _trace = trace;
            _window = window;
            _recorded = recorded;
            _noise = noise;
            _index = SceneLaneIndex.For(scene);
            for (int i = 0; i < _index.LaneCount; i++)
            {
                _laneIds[_index.LaneAt(i).Id] = i;
            }

            _wheelbase = candidate._steering.WheelbaseFraction * recorded.Size.Length;
            _halfBand = (recorded.Size.Width / 2) + candidate._options.CorridorMargin;
            var dt = window.TimeBase.StepSeconds;
            _extension = candidate._options.Lookahead + (100.0 * recorded.Length * dt);
            var start = recorded.States[0];
            var centre = new Point2(start.X, start.Y);
            if (_index.TryAssociate(centre, start.Heading, out var association))
            {
                _chain = ChainOf(association.LaneIndex);
                _path = _chain.Path;
                _hint = _path.Project(centre, 0, _path.Length).S;
            }
            else
            {
                // No lane at the start: track the human's recorded path (from the window start to the end of the recording).
                var whole = scene[spec.Ego];
                int windowFirst = spec.Window is { } w ? SceneWindow.Frames(scene.TimeBase, w).First : 0;
                int skip = windowFirst + recorded.FirstFrame - whole.FirstFrame;
                _fallback = new RecordedPath([.. whole.States[skip..].ToArray().Select(s => new Point2(s.X, s.Y))], start.Heading, _extension);
                _path = _fallback;
                _hint = 0;
            }
        }

        public Track Run()
        {
            var o = _c._options;
            var dt = _window.TimeBase.StepSeconds;
            int frames = _recorded.Length;
            int framesPerDecision = Math.Max(1, (int)Math.Round(o.DecisionPeriod / dt));
            var start = _recorded.States[0];
            double psi = start.Heading;
            double v = start.Speed;
            var rear = new Point2(start.X, start.Y) - (Point2.FromAngle(psi) * (_wheelbase / 2));
            var centres = new Point2[frames + 1];
            var headings = new double[frames + 1];
            var speeds = new double[frames + 1];
            var curvatures = new double[frames + 1];
            double a = 0, kappa = 0, lastChange = 0;
            for (int k = 0; k <= frames; k++)
            {
                var centre = k == 0 ? new Point2(start.X, start.Y) : rear + (Point2.FromAngle(psi) * (_wheelbase / 2));
                double t = k * dt;
                if (k < frames && k % framesPerDecision == 0)
                {
                    int frame = _recorded.FirstFrame + k;
                    _hint = Locate(_path, centre, _hint);
                    _cited.Clear();
                    bool started = false;
                    a = Acceleration(frame, v, centre, _path, _hint, perceived: true, "lead");
                    if (_from is not null)
                    {
                        _fromHint = Locate(_from.Path, centre, _fromHint);
                        a = Math.Min(a, Acceleration(frame, v, centre, _from.Path, _fromHint, perceived: true, "lead (old lane)"));
                        if (Math.Abs(_path.Project(centre, _hint - 5, _hint + 5).Offset) < ChangeDoneOffset)
                        {
                            _from = null;
                        }
                    }
                    else if (_c._laneChange is { } mobil && _chain is not null && t - lastChange >= mobil.MinimumInterval - 1e-9 && Change(frame, v, centre, mobil))
                    {
                        lastChange = t;
                        started = true;
                        a = Math.Min(a, Acceleration(frame, v, centre, _path, _hint, perceived: true, "lead (target lane)"));
                    }

                    a = Math.Max(a, -o.MaxDeceleration);
                    kappa = Curvature(rear, psi, v);
                    if (_trace is not null)
                    {
                        Record(frame, v, a, started);
                    }
                }

                centres[k] = centre;
                headings[k] = psi;
                speeds[k] = v;
                curvatures[k] = kappa;
                if (k == frames)
                {
                    break;
                }

                double next = v + (a * dt);
                double ds;
                if (next >= 0)
                {
                    ds = (v * dt) + (0.5 * a * dt * dt);
                    v = next;
                }
                else
                {
                    ds = -(v * v) / (2 * a);
                    v = 0;
                }

                if (Math.Abs(kappa) > 1e-12)
                {
                    double psiNext = psi + (kappa * ds);
                    rear += new Point2((Math.Sin(psiNext) - Math.Sin(psi)) / kappa, -(Math.Cos(psiNext) - Math.Cos(psi)) / kappa);
                    psi = psiNext;
                }
                else
                {
                    rear += Point2.FromAngle(psi) * ds;
                }
            }

            var states = new AgentState[frames];
            for (int k = 0; k < frames; k++)
            {
                var velocity = Velocity(headings[k], speeds[k], curvatures[k]);
                var acceleration = (Velocity(headings[k + 1], speeds[k + 1], curvatures[k + 1]) - velocity) * (1 / dt);
                states[k] = new AgentState(centres[k].X, centres[k].Y, Math.IEEERemainder(headings[k], 2 * Math.PI), velocity.X, velocity.Y, acceleration.X, acceleration.Y);
            }

            return new Track(_recorded.Id, _recorded.Kind, _recorded.SourceType, _recorded.Size, _recorded.FirstFrame, states, hasAcceleration: true);
        }

        private Point2 Velocity(double psi, double v, double kappa)
        {
            var dir = Point2.FromAngle(psi);
            return (dir * v) + (new Point2(-dir.Y, dir.X) * (v * kappa * _wheelbase / 2));
        }

        private LaneChain ChainOf(int lane)
        {
            if (!_chains.TryGetValue(lane, out var chain))
            {
                chain = LaneChain.Build(_index, _laneIds, lane, ChainBehind, ChainBehind + _extension, _extension);
                _chains[lane] = chain;
            }

            return chain;
        }

        private static double Locate(RecordedPath path, Point2 p, double hint) => path.Project(p, hint - 10, hint + 60).S;

        private double Acceleration(int frame, double v, Point2 centre, RecordedPath path, double s, bool perceived, string role)
        {
            var around = PathTraffic.Find(_window, _recorded.Id, _recorded.Size, frame, path, centre, s, _halfBand, _c._options.Lookahead, 0);
            if (around.Lead is not { } lead)
            {
                return _c._planner.Acceleration(v, null);
            }

            double gap = perceived && _noise is not null ? lead.Gap * Math.Exp(_c._noise!.GapSigma * _noise.Next()) : lead.Gap;
            if (_trace is not null && !_cited.Exists(c => c.Agent == lead.Track))
            {
                _cited.Add(new CitedAgent(lead.Track, role, gap, v - lead.Speed));
            }

            return _c._planner.Acceleration(v, (gap, lead.Speed));
        }

        /// <summary>Writes a trace step for the decision just made, when the policy in the class remarks says so.</summary>
        private void Record(int frame, double v, double a, bool started)
        {
            double t = _window.TimeBase.TimeOf(frame);
            var lateral = _from is not null || started ? _changeSide : LateralManeuver.KeepLane;
            var maneuver = new Maneuver(ManeuverTaxonomy.Classify(a, v), lateral);
            TrackId? lead = _cited.Count > 0 ? _cited[0].Agent : null;
            if (!started && maneuver == _lastManeuver && lead == _lastLead && t - _lastStep < 1.0 - 1e-9)
            {
                return;
            }

            var inv = CultureInfo.InvariantCulture;
            var because = _cited.Count == 0
                ? string.Create(inv, $"free road at {v:F1} m/s (desired {_c._planner.Options.DesiredSpeed:0.#} m/s)")
                : string.Join("; ", _cited.Select(c => string.Create(inv, $"{c.Role} {c.Agent} is {c.DistanceMetres:F1} m ahead, closing at {c.ClosingSpeedMps:F1} m/s")));
            string change = started && _c._laneChange is { } m
                ? string.Create(inv, $"; MOBIL incentive {_incentive:F2} m/s^2 > threshold {m.Threshold:0.##} m/s^2")
                : string.Empty;
            string text = string.Create(inv, $"{maneuver.Name}: {because}{change} (commanded {a:F2} m/s^2)");
            _trace!.Add(new ReasoningStep(t, maneuver, [.. _cited], text));
            (_lastStep, _lastManeuver, _lastLead) = (t, maneuver, lead);
        }

        /// <summary>MOBIL on both adjacent lanes; switches the target lane and returns true when a change is chosen.</summary>
        private bool Change(int frame, double v, Point2 centre, MobilOptions mobil)
        {
            var chain = _chain!;
            int lanelet = chain.LaneAt(_hint);
            var idm = _c._planner;
            double length = _recorded.Size.Length;
            var here = PathTraffic.Find(_window, _recorded.Id, _recorded.Size, frame, chain.Path, centre, _hint, _halfBand, _c._options.Lookahead, FollowerRange);
            double aC = idm.Acceleration(v, here.Lead is { } l ? (l.Gap, l.Speed) : null);

            // The old follower: now behind the ego; after the change behind the ego's present lead (or on a free road).
            double oldGain = 0;
            if (here.Follower is { } of)
            {
                double aO = idm.Acceleration(of.Speed, (of.Gap, v));
                double aOAfter = idm.Acceleration(of.Speed, here.Lead is { } ol ? (of.Gap + length + ol.Gap, ol.Speed) : null);
                oldGain = aOAfter - aO;
            }

            double bestIncentive = double.NegativeInfinity;
            LaneChain? best = null;
            double bestHint = 0;
            bool bestLeft = false;
            foreach (int side in (int[])[_index.LeftOf(lanelet), _index.RightOf(lanelet)])
            {
                if (side < 0)
                {
                    continue;
                }

                var target = ChainOf(side);
                double s = target.Path.Project(centre, 0, target.Path.Length).S;
                var there = PathTraffic.Find(_window, _recorded.Id, _recorded.Size, frame, target.Path, centre, s, _halfBand, _c._options.Lookahead, FollowerRange);
                if (there.Blocked)
                {
                    continue;
                }

                double aCAfter = idm.Acceleration(v, there.Lead is { } nl ? (nl.Gap, nl.Speed) : null);
                double newGain = 0;
                if (there.Follower is { } nf)
                {
                    double aNAfter = idm.Acceleration(nf.Speed, (nf.Gap, v));
                    if (aNAfter < -mobil.SafeBraking)
                    {
                        continue;
                    }

                    double aN = idm.Acceleration(nf.Speed, there.Lead is { } nl2 ? (nf.Gap + length + nl2.Gap, nl2.Speed) : null);
                    newGain = aNAfter - aN;
                }

                double incentive = aCAfter - aC + (mobil.Politeness * (newGain + oldGain));
                if (incentive > mobil.Threshold && incentive > bestIncentive)
                {
                    (bestIncentive, best, bestHint, bestLeft) = (incentive, target, s, side == _index.LeftOf(lanelet));
                }
            }

            if (best is null)
            {
                return false;
            }

            _changeSide = bestLeft ? LateralManeuver.ChangeLeft : LateralManeuver.ChangeRight;
            _incentive = bestIncentive;
            (_from, _fromHint) = (chain, _hint);
            (_chain, _path, _hint) = (best, best.Path, bestHint);
            return true;
        }

        private double Curvature(Point2 rear, double psi, double v)
        {
            var steering = _c._steering;
            double lookahead = Math.Max(steering.MinimumLookahead, steering.LookaheadTime * v);
            double sRear = _path.Project(rear, _hint - 20, _hint + 20).S;
            var goal = _path.PointAt(sRear + lookahead);
            var toGoal = goal - rear;
            double l2 = toGoal.Dot(toGoal);
            if (l2 < 1e-9)
            {
                return 0;
            }

            // Lateral offset of the goal point in the vehicle frame (left positive).
            double x = Point2.FromAngle(psi).Cross(toGoal);
            double limit = Math.Tan(steering.MaxSteering) / _wheelbase;
            return Math.Clamp(2 * x / l2, -limit, limit);
        }
    }
}
