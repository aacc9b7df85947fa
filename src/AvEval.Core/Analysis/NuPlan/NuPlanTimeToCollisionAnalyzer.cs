using AvEval.Geometry;
using AvEval.Scenarios;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>time_to_collision_within_bound</c>: at each ego state the ego and the relevant agents are moved at
/// constant speed along their headings in steps of 0.1 s; TTC is the first step at which the boxes meet (infinity if
/// none before the horizon), 0 at an instant of an at-fault collision, and not computed while the ego is stopped
/// (≤ 5e-3 m/s). Agents considered: those ahead of the ego (within 30° of its heading, seen from the rear axle); also
/// any agent not behind (within 150°) while the ego is across lanes, off them, or in an intersection. Agents already
/// collided with are dropped. Within bound when every TTC exceeds 0.95 s.
/// </summary>
public sealed class NuPlanTimeToCollisionAnalyzer : IDriveAnalyzer
{
    // compute_time_to_collision: stopped_speed_threshold = 5e-03 m/s.
    private const double StoppedSpeed = 5e-3;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="timeStepSeconds">Projection step (nuPlan config time_step_size: 0.1 s).</param>
    /// <param name="timeHorizonSeconds">Projection horizon (nuPlan config time_horizon: 3.0 s).</param>
    /// <param name="leastMinimumSeconds">Bound (nuPlan config least_min_ttc: 0.95 s).</param>
    public NuPlanTimeToCollisionAnalyzer(double timeStepSeconds = 0.1, double timeHorizonSeconds = 3.0, double leastMinimumSeconds = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeStepSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeHorizonSeconds, timeStepSeconds);
        TimeStepSeconds = timeStepSeconds;
        TimeHorizonSeconds = timeHorizonSeconds;
        LeastMinimumSeconds = leastMinimumSeconds;
        _definition = $"nuPlan time_to_collision_within_bound (constant speed along heading, step {TimeStepSeconds} s, horizon {TimeHorizonSeconds} s)";
        Publishes =
        [
            new(Minimum, Unit.Second, _definition, MetricAuthority.NuPlan, MotionControl.Both),
            new(WithinBound, Unit.Boolean, $"{_definition}: every TTC > {LeastMinimumSeconds} s", MetricAuthority.NuPlan, MotionControl.Both),
        ];
    }

    private readonly string _definition;

    [ThreadStatic]
    private static Projected[]? _relevant;

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.LowTimeToCollision, MotionControl.Both, WithinBound)];

    /// <summary>Projection step in seconds.</summary>
    public double TimeStepSeconds { get; }

    /// <summary>Projection horizon in seconds.</summary>
    public double TimeHorizonSeconds { get; }

    /// <summary>TTC must stay above this many seconds.</summary>
    public double LeastMinimumSeconds { get; }

    /// <inheritdoc/>
    public string Id => "nuplan.ttc";

    /// <summary>Series of TTC per ego state, s (infinity when no collision is projected).</summary>
    public static string Series => "ttc.nuplan";

    /// <summary>Minimum TTC, s.</summary>
    public static string Minimum => "ttc.nuplan.min";

    /// <summary>1 when every TTC exceeds the bound, else 0.</summary>
    public static string WithinBound => "ttc.nuplan.within_bound";

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Analyze(NuPlanHistory.FromDrive(drive));
    }

    /// <summary>Analyzes a nuPlan history.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var collisions = NuPlanCollisionAnalyzer.FindCollisions(history);
        int n = history.EgoStates.Count;
        var ttc = new double[n];
        var times = new double[n];
        var closest = new Scenes.TrackId?[n];
        var collided = new HashSet<Scenes.TrackId>();
        for (int i = 0; i < n; i++)
        {
            times[i] = history.EgoStates[i].TimeSeconds;
            bool atFault = false;
            foreach (var c in collisions)
            {
                if (c.StateIndex == i)
                {
                    collided.Add(c.Agent.Id);
                    atFault |= c.AtFault;
                }
            }

            if (atFault)
            {
                ttc[i] = 0;
                continue;
            }

            (ttc[i], closest[i]) = AtState(history, i, collided);
        }

        double min = NuPlanStatistics.Min(ttc);
        bool within = Array.TrueForAll(ttc, t => LeastMinimumSeconds < t);
        var metrics = new List<Metric> { Publishes[0].Measured(min), Publishes[1].Measured(within ? 1 : 0) };

        var events = new List<DrivingEvent>();
        double step = n > 1 ? (times[^1] - times[0]) / (n - 1) : TimeStepSeconds;
        int k = 0;
        while (k < n)
        {
            if (!(ttc[k] < LeastMinimumSeconds))
            {
                k++;
                continue;
            }

            int start = k;
            double low = ttc[k];
            var agent = closest[k];
            while (k < n && ttc[k] < LeastMinimumSeconds)
            {
                if (ttc[k] < low)
                {
                    (low, agent) = (ttc[k], closest[k] ?? agent);
                }

                agent ??= closest[k];
                k++;
            }

            var agentId = agent ?? collisions.FirstOrDefault(c => c.StateIndex == start)?.Agent.Id;
            events.Add(new DrivingEvent(
                EventKind.LowTimeToCollision,
                times[start],
                k < n ? times[k] : times[^1] + step,
                agentId is { } a ? [a] : [],
                new Dictionary<string, double> { ["min_ttc_s"] = low, ["bound_s"] = LeastMinimumSeconds },
                $"nuPlan TTC fell to {low:F2} s (bound {LeastMinimumSeconds} s){(agentId is { } b ? $" with agent '{b}'" : string.Empty)}."));
        }

        return new Evaluation(history.Ego, [Id], metrics, events, [new MetricSeries(Series, Unit.Second, _definition, times, ttc)], []);
    }

    // The per-state work without LINQ or per-call allocation: the candidate agents go into a per-thread buffer with their
    // step vector and unit axes computed once (a box moved at constant velocity keeps its heading, so its axes are the
    // same at every projected step); the arithmetic of every box test is that of OrientedBox.Intersects, so the result
    // is the same bit for bit as testing freshly built boxes.
    private (double Ttc, Scenes.TrackId? Agent) AtState(NuPlanHistory history, int i, HashSet<Scenes.TrackId> collided)
    {
        var ego = history.EgoStates[i];
        double speed = ego.Speed;
        if (speed <= StoppedSpeed)
        {
            return (double.PositiveInfinity, null);
        }

        var map = history.Map[i];
        bool widen = !map.InCommonOrConnectedLanes || map.InIntersection;
        var agents = history.Agents[i];
        var egoBox = history.EgoBox(i);
        double steps = TimeHorizonSeconds / TimeStepSeconds;
        var egoForward = egoBox.Forward;
        var egoLeft = egoBox.Left;
        var egoD = egoForward * (speed * TimeStepSeconds);
        var egoLong = Elongated(egoBox, egoD, steps);
        var buffer = _relevant ??= new Projected[64];
        int relevant = 0;
        for (int a = 0; a < agents.Count; a++)
        {
            var agent = agents[a];
            if (collided.Count > 0 && collided.Contains(agent.Id))
            {
                continue;
            }

            // The three conditions are pure, so they are tested cheapest first: the swept circles (one sine and cosine
            // for the step vector, which is the box's Forward scaled), then the angle (acos), then the swept boxes.
            var forward = agent.Box.Forward;
            var d = forward * (agent.Speed * TimeStepSeconds);
            var swept = Elongated(agent.Box, d, steps);
            if (!OrientedBox.MayIntersect(egoLong, swept))
            {
                continue;
            }

            double angle = NuPlanGeometry.RelativeAngle(ego, agent.Box.Centre);
            if (!(NuPlanGeometry.IsAheadAngle(angle) || (widen && !NuPlanGeometry.IsBehindAngle(angle))))
            {
                continue;
            }

            // _get_relevant_tracks: only agents whose swept box meets the ego's swept box are projected.
            var left = agent.Box.Left;
            if (!OrientedBox.Intersects(egoLong, egoForward, egoLeft, swept, forward, left))
            {
                continue;
            }

            if (relevant == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                _relevant = buffer;
            }

            buffer[relevant++] = new Projected(a, agent.Box, d, forward, left);
        }

        if (relevant == 0)
        {
            return (double.PositiveInfinity, null);
        }

        // np.arange(time_step_size, time_horizon, time_step_size): ceil((horizon − step) / step) values.
        int count = (int)Math.Ceiling((TimeHorizonSeconds - TimeStepSeconds) / TimeStepSeconds);
        var projectedEgo = egoBox;
        for (int s = 0; s < count; s++)
        {
            projectedEgo = projectedEgo with { Centre = projectedEgo.Centre + egoD };
            for (int r = 0; r < relevant; r++)
            {
                ref var p = ref buffer[r];
                p.Box = p.Box with { Centre = p.Box.Centre + p.D };
                if (OrientedBox.MayIntersect(projectedEgo, p.Box) && OrientedBox.Intersects(projectedEgo, egoForward, egoLeft, p.Box, p.Forward, p.Left))
                {
                    return (TimeStepSeconds + (s * TimeStepSeconds), agents[p.Agent].Id);
                }
            }
        }

        return (double.PositiveInfinity, null);
    }

    private static OrientedBox Elongated(OrientedBox box, Point2 d, double steps) =>
        box with { Centre = box.Centre + (d * (steps / 2)), Length = box.Length + (d * steps).Length };

    private struct Projected(int agent, OrientedBox box, Point2 d, Point2 forward, Point2 left)
    {
        public readonly int Agent = agent;
        public OrientedBox Box = box;
        public readonly Point2 D = d;
        public readonly Point2 Forward = forward;
        public readonly Point2 Left = left;
    }
}
