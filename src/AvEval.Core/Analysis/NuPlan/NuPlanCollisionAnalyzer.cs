using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>no_ego_at_fault_collisions</c>: each agent the ego's box meets counts once, at the first instant;
/// it is classed (stopped ego, stopped track, active rear, active front, active lateral), its Δv computed, and it is
/// at fault when it is an active-front or stopped-track collision, or a lateral one while the ego is across lanes or
/// off them. Score = Π over vulnerable road users, vehicles and objects of max(0, 1 − n / (threshold + 1)).
/// </summary>
public sealed class NuPlanCollisionAnalyzer : IDriveAnalyzer
{
    // _get_collision_type: stopped_speed_threshold = 5e-02 m/s for the ego; is_track_stopped: 5e-02 m/s.
    private const double StoppedSpeed = 5e-2;

    // ego_delta_v_collision: ego_mass = agent_mass = 2000 kg.
    private const double EgoMass = 2000;
    private const double AgentMass = 2000;

    // EgoAtFaultCollisionStatistics defaults: max_violation_threshold_vru = 0, _vehicle = 0, _object = 1.
    private const int VruThreshold = 0;
    private const int VehicleThreshold = 0;
    private const int ObjectThreshold = 1;

    private const string Def = "nuPlan no_ego_at_fault_collisions";

    private static readonly string[] Groups = ["vru", "vehicle", "object"];

    private static readonly string[] DeltaVStatistics = ["max", "min", "mean"];

    /// <inheritdoc/>
    public string Id => "nuplan.collisions";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        Declare(NoAtFaultValue, Unit.Boolean, ": no at-fault collision"),
        Declare(AtFaultCount, Unit.Dimensionless, ": number_of_all_at_fault_collisions"),
        Declare(VruCount, Unit.Dimensionless, ": with pedestrians and cyclists"),
        Declare(VehicleCount, Unit.Dimensionless, ": with vehicles"),
        Declare(ObjectCount, Unit.Dimensionless, ": with objects"),
        .. Groups.SelectMany(g => DeltaVStatistics.Select(s => Declare(DeltaV(g, s), Unit.MetrePerSecond, $": {s} ego Δv"))),
        Declare(Score, Unit.Dimensionless, ": Π max(0, 1 − n / (threshold + 1)), thresholds VRU 0, vehicle 0, object 1"),
        .. Enum.GetValues<CollisionClass>().Select(c => Declare(ClassCount(c), Unit.Dimensionless, ": collisions of class " + c)),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.Collision, MotionControl.Both, AtFaultCount)];

    /// <summary>1 when there is no at-fault collision, else 0.</summary>
    public static string NoAtFaultValue => "collisions.nuplan.value";

    /// <summary>Number of at-fault collisions.</summary>
    public static string AtFaultCount => "collisions.nuplan.at_fault.count";

    /// <summary>At-fault collisions with pedestrians and cyclists.</summary>
    public static string VruCount => "collisions.nuplan.at_fault.vru.count";

    /// <summary>At-fault collisions with vehicles.</summary>
    public static string VehicleCount => "collisions.nuplan.at_fault.vehicle.count";

    /// <summary>At-fault collisions with objects.</summary>
    public static string ObjectCount => "collisions.nuplan.at_fault.object.count";

    /// <summary>nuPlan's collision score in [0, 1].</summary>
    public static string Score => "collisions.nuplan.score";

    /// <summary>Count of all collisions (at fault or not) of one class, e.g. <c>collisions.nuplan.active_front.count</c>.</summary>
    /// <param name="collisionClass">The class.</param>
    /// <returns>The metric name.</returns>
    public static string ClassCount(CollisionClass collisionClass) => $"collisions.nuplan.{Snake(collisionClass)}.count";

    /// <summary>Δv statistic of the at-fault collisions with one group (vru, vehicle, object), e.g. <c>collision_delta_v.nuplan.vehicle.max</c>.</summary>
    /// <param name="group">vru, vehicle or object.</param>
    /// <param name="statistic">max, min or mean.</param>
    /// <returns>The metric name.</returns>
    public static string DeltaV(string group, string statistic) => $"collision_delta_v.nuplan.{group}.{statistic}";

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
        var collisions = FindCollisions(history);
        var atFault = collisions.Where(c => c.AtFault).ToList();
        var groups = new (string Name, int Threshold, List<double> DeltaV)[]
        {
            ("vru", VruThreshold, [.. atFault.Where(c => Group(c.Agent.Kind) == "vru").Select(c => c.DeltaV)]),
            ("vehicle", VehicleThreshold, [.. atFault.Where(c => Group(c.Agent.Kind) == "vehicle").Select(c => c.DeltaV)]),
            ("object", ObjectThreshold, [.. atFault.Where(c => Group(c.Agent.Kind) == "object").Select(c => c.DeltaV)]),
        };
        double score = atFault.Count == 0 ? 1 : groups.Aggregate(1.0, (p, g) => p * Math.Max(0, 1 - (g.DeltaV.Count / (g.Threshold + 1.0))));

        var declared = Publishes.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var metrics = new List<Metric>
        {
            declared[NoAtFaultValue].Measured(atFault.Count == 0 ? 1 : 0),
            declared[AtFaultCount].Measured(atFault.Count),
            declared[VruCount].Measured(groups[0].DeltaV.Count),
            declared[VehicleCount].Measured(groups[1].DeltaV.Count),
            declared[ObjectCount].Measured(groups[2].DeltaV.Count),
        };
        foreach (var g in groups)
        {
            string none = $"no at-fault collision with a{(g.Name == "object" ? "n" : "")} {g.Name}";
            metrics.Add(declared[DeltaV(g.Name, "max")].ValueOrNotComputed(g.DeltaV.Count > 0 ? g.DeltaV.Max() : null, none));
            metrics.Add(declared[DeltaV(g.Name, "min")].ValueOrNotComputed(g.DeltaV.Count > 0 ? g.DeltaV.Min() : null, none));
            metrics.Add(declared[DeltaV(g.Name, "mean")].ValueOrNotComputed(g.DeltaV.Count > 0 ? g.DeltaV.Average() : null, none));
        }

        metrics.Add(declared[Score].Measured(score));
        foreach (var cls in Enum.GetValues<CollisionClass>())
        {
            metrics.Add(declared[ClassCount(cls)].Measured(collisions.Count(c => c.Class == cls)));
        }

        double step = history.EgoStates.Count > 1 ? (history.EgoStates[^1].TimeSeconds - history.EgoStates[0].TimeSeconds) / (history.EgoStates.Count - 1) : 0;
        var events = collisions.Select(c => new DrivingEvent(
            EventKind.Collision,
            c.TimeSeconds,
            c.TimeSeconds + step,
            [c.Agent.Id],
            new Dictionary<string, double> { ["delta_v_m_per_s"] = c.DeltaV, ["at_fault_bool"] = c.AtFault ? 1 : 0 },
            $"Ego collided with {c.Agent.Kind} '{c.Agent.Id}' ({Snake(c.Class)}, Δv {c.DeltaV:F2} m/s, {(c.AtFault ? "at fault" : "not at fault")}).")).ToList();
        return new Evaluation(history.Ego, [Id], metrics, events, [], []);
    }

    private static MetricDescriptor Declare(string name, Unit unit, string definition) =>
        new(name, unit, Def + definition, MetricAuthority.NuPlan, MotionControl.Both);

    /// <summary>All collisions of a history, in order, each agent once (nuPlan <c>find_new_collisions</c> + <c>classify_at_fault_collisions</c>).</summary>
    /// <param name="history">The history.</param>
    /// <returns>The collisions.</returns>
    public static IReadOnlyList<NuPlanCollision> FindCollisions(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var result = new List<NuPlanCollision>();
        var collided = new HashSet<TrackId>();
        for (int i = 0; i < history.EgoStates.Count; i++)
        {
            var ego = history.EgoStates[i];
            var box = history.EgoBox(i);
            var (forward, left) = (box.Forward, box.Left);
            var agents = history.Agents[i];
            for (int a = 0; a < agents.Count; a++)
            {
                // Most agents are far away: the circle test (no trigonometry) rules them out before the box test, and the
                // box test takes the ego's axes computed once per state; same answers as box.Intersects(agent.Box).
                var agent = agents[a];
                if (!Geometry.OrientedBox.MayIntersect(box, agent.Box)
                    || !Geometry.OrientedBox.Intersects(box, forward, left, agent.Box, agent.Box.Forward, agent.Box.Left)
                    || (collided.Count > 0 && collided.Contains(agent.Id)))
                {
                    continue;
                }

                collided.Add(agent.Id);
                var cls = Classify(ego, box, agent);
                bool atFault = cls is CollisionClass.ActiveFront or CollisionClass.StoppedTrack
                    || (cls == CollisionClass.ActiveLateral && !history.Map[i].InCommonOrConnectedLanes);
                result.Add(new NuPlanCollision(i, ego.TimeSeconds, agent, cls, DeltaVOf(ego, agent), atFault));
            }
        }

        return result;
    }

    private static CollisionClass Classify(Kinematics.EgoSample ego, Geometry.OrientedBox egoBox, NuPlanAgent agent)
    {
        if (ego.Speed <= StoppedSpeed)
        {
            return CollisionClass.StoppedEgo;
        }

        // A static object (nuPlan StaticObject) is always "stopped".
        if (agent.Kind == AgentKind.Other || agent.Speed <= StoppedSpeed)
        {
            return CollisionClass.StoppedTrack;
        }

        if (NuPlanGeometry.IsBehind(ego, agent.Box.Centre))
        {
            return CollisionClass.ActiveRear;
        }

        // The front edge: exterior coords[0] (front left) to coords[3] (front right) of nuPlan's ego polygon.
        var corners = egoBox.Corners();
        return NuPlanGeometry.SegmentIntersects(corners[0], corners[1], agent.Box)
            ? CollisionClass.ActiveFront
            : CollisionClass.ActiveLateral;
    }

    private static double DeltaVOf(Kinematics.EgoSample ego, NuPlanAgent agent)
    {
        double ratio = AgentMass / (AgentMass + EgoMass);
        double agentSpeed = agent.Kind == AgentKind.Other ? 0 : agent.Speed;
        double ve = ego.Speed;
        double sq = (ve * ve) + (agentSpeed * agentSpeed) - (2 * ve * agentSpeed * Math.Cos(ego.Heading - agent.Box.Heading));

        // The law of cosines is ≥ 0, but for nearly equal speeds and headings rounding can leave it a hair below 0
        // (e.g. −1.4e-14 for 6.862866638113579 and the next double), and √ of that is NaN in Δv, its metrics and JSON.
        return ratio * Math.Sqrt(Math.Max(0, sq));
    }

    private static string Group(AgentKind kind) => kind switch
    {
        AgentKind.Pedestrian or AgentKind.Cyclist => "vru",
        AgentKind.Vehicle => "vehicle",
        _ => "object",
    };

    private static string Snake(CollisionClass c) => c switch
    {
        CollisionClass.StoppedEgo => "stopped_ego",
        CollisionClass.StoppedTrack => "stopped_track",
        CollisionClass.ActiveRear => "active_rear",
        CollisionClass.ActiveFront => "active_front",
        _ => "active_lateral",
    };
}
