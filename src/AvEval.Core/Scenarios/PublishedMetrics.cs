using AvEval.Scenarios.Expectations;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;

namespace AvEval.Scenarios;

/// <summary>
/// What the rule analyzers of this build publish, built from their static metric-name properties: every metric of
/// <see cref="RuleAnalysis.CreateDefault"/> plus <see cref="NuPlanExpertL2Analyzer"/> (added when a candidate replaced
/// the recorded ego, which is then the expert), with units, and the event kinds they detect. Scenario files are
/// validated against it, so that a misspelt metric is an error at load time rather than an inconclusive verdict. Each
/// metric and event kind also declares which parts of the ego's motion (<see cref="MotionControl"/>) it depends on:
/// speed, progress, hard braking and longitudinal acceleration and jerk on the longitudinal part; lane offset, lane
/// keeping and lane changes on the lateral part; gaps, headway, TTC, collisions, cut-ins, lateral acceleration, yaw and
/// L2 to the expert on both (they depend on where the ego is along and across its lane).
/// </summary>
public static class PublishedMetrics
{
    /// <summary>Every metric name with its unit, in analyzer order.</summary>
    public static IReadOnlyList<KnownMetric> RuleAnalyzers { get; } = Build();

    /// <summary>Every event kind the rule analyzers detect.</summary>
    public static IReadOnlyList<EventKind> EventKinds { get; } =
    [
        EventKind.Uncomfortable, EventKind.LowTimeToCollision, EventKind.Collision, EventKind.ShortHeadway,
        EventKind.HardBraking, EventKind.LaneChange, EventKind.CutIn, EventKind.LaneDeviation, EventKind.DrivingBackward,
    ];

    /// <summary>
    /// For the event kinds whose detector can fail to look (no lane map, a drive too short to smooth...): the metric
    /// that detector reports without a value when it did not look. Absence of such an event then proves nothing.
    /// </summary>
    internal static IReadOnlyDictionary<EventKind, string> DetectorMetrics { get; } = new Dictionary<EventKind, string>
    {
        [EventKind.HardBraking] = HardBrakingAnalyzer.HardBrakingCount,
        [EventKind.LaneChange] = LaneChangeAnalyzer.LaneChangeCount,
        [EventKind.CutIn] = CutInAnalyzer.CutInCount,
        [EventKind.LaneDeviation] = LaneKeepingAnalyzer.LaneKeepingNavsimScore,
        [EventKind.Uncomfortable] = NuPlanComfortAnalyzer.ComfortValue,
    };

    /// <summary>
    /// What each event kind's detector depends on: hard braking and driving backward on the speed profile, lane changes
    /// and lane deviation on the path across the lanes, and the rest (collisions, TTC, headway, cut-ins, comfort) on both.
    /// </summary>
    public static IReadOnlyDictionary<EventKind, MotionControl> EventDependence { get; } = new Dictionary<EventKind, MotionControl>
    {
        [EventKind.Uncomfortable] = MotionControl.Both,
        [EventKind.LowTimeToCollision] = MotionControl.Both,
        [EventKind.Collision] = MotionControl.Both,
        [EventKind.ShortHeadway] = MotionControl.Both,
        [EventKind.HardBraking] = MotionControl.Longitudinal,
        [EventKind.LaneChange] = MotionControl.Lateral,
        [EventKind.CutIn] = MotionControl.Both,
        [EventKind.LaneDeviation] = MotionControl.Lateral,
        [EventKind.DrivingBackward] = MotionControl.Longitudinal,
    };

    /// <summary>
    /// Which parts of the ego's motion an expectation's value depends on: its metric's or event kind's declaration;
    /// <see cref="MotionControl.Both"/> for learned evaluators (their features mix speed, gaps and lane offset) and for
    /// anything this build does not publish.
    /// </summary>
    /// <param name="expectation">The expectation.</param>
    public static MotionControl DependsOn(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        return expectation switch
        {
            MetricExpectation m => RuleAnalyzers.FirstOrDefault(k => k.Name == m.Metric) is { Name: not null } known ? known.DependsOn : MotionControl.Both,
            NoEventExpectation e => EventDependence.GetValueOrDefault(e.Kind, MotionControl.Both),
            EventPresentExpectation e => EventDependence.GetValueOrDefault(e.Kind, MotionControl.Both),
            _ => MotionControl.Both,
        };
    }

    /// <summary>Whether a candidate that controls some parts of the motion can change an expectation's outcome.</summary>
    /// <param name="controls">What the candidate controls.</param>
    /// <param name="expectation">The expectation.</param>
    public static bool IsControlled(MotionControl controls, Expectation expectation) => (DependsOn(expectation) & controls) != MotionControl.None;

    /// <summary>A validator over <see cref="RuleAnalyzers"/> and <see cref="EventKinds"/>, and the learned evaluators of a resolver when given.</summary>
    /// <param name="evaluators">Resolves <c>evaluator id@version</c> expectations; null reports them as unknown.</param>
    public static ScenarioSpecValidator CreateValidator(IEvaluatorResolver? evaluators = null) => new(RuleAnalyzers, EventKinds, evaluators);

    private static List<KnownMetric> Build()
    {
        var metrics = new List<KnownMetric>();
        const MotionControl Lon = MotionControl.Longitudinal, Lat = MotionControl.Lateral, Both = MotionControl.Both;
        void Add(string name, Unit unit, MotionControl dependsOn) => metrics.Add(new KnownMetric(name, unit, dependsOn));

        // nuPlan comfort: four statistics and a within-bound flag per signal, and the overall flag.
        Unit[] comfortUnits = [Unit.MetrePerSecondSquared, Unit.MetrePerSecondSquared, Unit.MetrePerSecondCubed, Unit.MetrePerSecondCubed, Unit.RadianPerSecond, Unit.RadianPerSecondSquared];

        // accel.lon and jerk.lon follow the speed profile; accel.lat (v² κ), the jerk magnitude and the yaw signals (v κ)
        // mix the speed with the path's curvature.
        MotionControl[] comfortDependence = [Lon, Both, Both, Lon, Both, Both];
        for (var i = 0; i < NuPlanComfortAnalyzer.SignalNames.Count; i++)
        {
            var signal = NuPlanComfortAnalyzer.SignalNames[i];
            foreach (var statistic in (string[])["max", "min", "mean", "p90"])
            {
                Add(NuPlanComfortAnalyzer.Name(signal, statistic), comfortUnits[i], comfortDependence[i]);
            }

            Add(NuPlanComfortAnalyzer.Name(signal, "within_bound"), Unit.Boolean, comfortDependence[i]);
        }

        Add(NuPlanComfortAnalyzer.ComfortValue, Unit.Boolean, Both);
        Add(NuPlanTimeToCollisionAnalyzer.Minimum, Unit.Second, Both);
        Add(NuPlanTimeToCollisionAnalyzer.WithinBound, Unit.Boolean, Both);
        Add(NuPlanCollisionAnalyzer.NoAtFaultValue, Unit.Boolean, Both);
        Add(NuPlanCollisionAnalyzer.AtFaultCount, Unit.Dimensionless, Both);
        Add(NuPlanCollisionAnalyzer.VruCount, Unit.Dimensionless, Both);
        Add(NuPlanCollisionAnalyzer.VehicleCount, Unit.Dimensionless, Both);
        Add(NuPlanCollisionAnalyzer.ObjectCount, Unit.Dimensionless, Both);
        foreach (var group in (string[])["vru", "vehicle", "object"])
        {
            foreach (var statistic in (string[])["max", "min", "mean"])
            {
                Add(NuPlanCollisionAnalyzer.DeltaV(group, statistic), Unit.MetrePerSecond, Both);
            }
        }

        Add(NuPlanCollisionAnalyzer.Score, Unit.Dimensionless, Both);
        foreach (var collisionClass in Enum.GetValues<CollisionClass>())
        {
            Add(NuPlanCollisionAnalyzer.ClassCount(collisionClass), Unit.Dimensionless, Both);
        }

        Add(NuPlanMeanSpeedAnalyzer.SpeedMean, Unit.MetrePerSecond, Lon);
        Add(NuPlanDrivingDirectionAnalyzer.Score, Unit.Dimensionless, Lon);
        Add(NuPlanDrivingDirectionAnalyzer.MinProgress, Unit.Metre, Lon);
        Add(NuPlanProgressAnalyzer.Ratio, Unit.Dimensionless, Lon);
        Add(NuPlanProgressAnalyzer.MakingProgress, Unit.Boolean, Lon);
        Add(NuPlanProgressAnalyzer.EgoProgress, Unit.Metre, Lon);
        Add(FollowingAnalyzer.GapLeadMin, Unit.Metre, Both);
        Add(FollowingAnalyzer.ThwGapMin, Unit.Second, Both);
        Add(FollowingAnalyzer.ThwGapMean, Unit.Second, Both);
        Add(FollowingAnalyzer.TtcFollowingMin, Unit.Second, Both);
        Add(HardBrakingAnalyzer.HardBrakingCount, Unit.Dimensionless, Lon);
        Add(HardBrakingAnalyzer.AccelLonSmoothedMin, Unit.MetrePerSecondSquared, Lon);
        Add(LaneChangeAnalyzer.LaneChangeCount, Unit.Dimensionless, Lat);
        Add(CutInAnalyzer.CutInCount, Unit.Dimensionless, Both);
        Add(CutInAnalyzer.CutInGapAtEntryMin, Unit.Metre, Both);
        Add(LaneKeepingAnalyzer.LaneOffsetNavsimMax, Unit.Metre, Lat);
        Add(LaneKeepingAnalyzer.LaneKeepingNavsimScore, Unit.Dimensionless, Lat);
        foreach (var statistic in (string[])["max", "mean", "p90"])
        {
            Add(NuPlanExpertL2Analyzer.Name(statistic), Unit.Metre, Both);
        }

        return metrics;
    }
}
