using AvEval.Scenarios.Expectations;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;

namespace AvEval.Scenarios;

/// <summary>
/// What the rule analyzers of this build publish, built from their static metric-name properties: every metric of
/// <see cref="RuleAnalysis.CreateDefault"/> plus <see cref="NuPlanExpertL2Analyzer"/> (added when a candidate replaced
/// the recorded ego, which is then the expert), with units, and the event kinds they detect. Scenario files are
/// validated against it, so that a misspelt metric is an error at load time rather than an inconclusive verdict.
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

    /// <summary>A validator over <see cref="RuleAnalyzers"/> and <see cref="EventKinds"/>, and the learned evaluators of a resolver when given.</summary>
    /// <param name="evaluators">Resolves <c>evaluator id@version</c> expectations; null reports them as unknown.</param>
    public static ScenarioSpecValidator CreateValidator(IEvaluatorResolver? evaluators = null) => new(RuleAnalyzers, EventKinds, evaluators);

    private static List<KnownMetric> Build()
    {
        var metrics = new List<KnownMetric>();
        void Add(string name, Unit unit) => metrics.Add(new KnownMetric(name, unit));

        // nuPlan comfort: four statistics and a within-bound flag per signal, and the overall flag.
        Unit[] comfortUnits = [Unit.MetrePerSecondSquared, Unit.MetrePerSecondSquared, Unit.MetrePerSecondCubed, Unit.MetrePerSecondCubed, Unit.RadianPerSecond, Unit.RadianPerSecondSquared];
        for (var i = 0; i < NuPlanComfortAnalyzer.SignalNames.Count; i++)
        {
            var signal = NuPlanComfortAnalyzer.SignalNames[i];
            foreach (var statistic in (string[])["max", "min", "mean", "p90"])
            {
                Add(NuPlanComfortAnalyzer.Name(signal, statistic), comfortUnits[i]);
            }

            Add(NuPlanComfortAnalyzer.Name(signal, "within_bound"), Unit.Boolean);
        }

        Add(NuPlanComfortAnalyzer.ComfortValue, Unit.Boolean);
        Add(NuPlanTimeToCollisionAnalyzer.Minimum, Unit.Second);
        Add(NuPlanTimeToCollisionAnalyzer.WithinBound, Unit.Boolean);
        Add(NuPlanCollisionAnalyzer.NoAtFaultValue, Unit.Boolean);
        Add(NuPlanCollisionAnalyzer.AtFaultCount, Unit.Dimensionless);
        Add(NuPlanCollisionAnalyzer.VruCount, Unit.Dimensionless);
        Add(NuPlanCollisionAnalyzer.VehicleCount, Unit.Dimensionless);
        Add(NuPlanCollisionAnalyzer.ObjectCount, Unit.Dimensionless);
        foreach (var group in (string[])["vru", "vehicle", "object"])
        {
            foreach (var statistic in (string[])["max", "min", "mean"])
            {
                Add(NuPlanCollisionAnalyzer.DeltaV(group, statistic), Unit.MetrePerSecond);
            }
        }

        Add(NuPlanCollisionAnalyzer.Score, Unit.Dimensionless);
        foreach (var collisionClass in Enum.GetValues<CollisionClass>())
        {
            Add(NuPlanCollisionAnalyzer.ClassCount(collisionClass), Unit.Dimensionless);
        }

        Add(NuPlanMeanSpeedAnalyzer.SpeedMean, Unit.MetrePerSecond);
        Add(NuPlanDrivingDirectionAnalyzer.Score, Unit.Dimensionless);
        Add(NuPlanDrivingDirectionAnalyzer.MinProgress, Unit.Metre);
        Add(NuPlanProgressAnalyzer.Ratio, Unit.Dimensionless);
        Add(NuPlanProgressAnalyzer.MakingProgress, Unit.Boolean);
        Add(NuPlanProgressAnalyzer.EgoProgress, Unit.Metre);
        Add(FollowingAnalyzer.GapLeadMin, Unit.Metre);
        Add(FollowingAnalyzer.ThwGapMin, Unit.Second);
        Add(FollowingAnalyzer.ThwGapMean, Unit.Second);
        Add(FollowingAnalyzer.TtcFollowingMin, Unit.Second);
        Add(HardBrakingAnalyzer.HardBrakingCount, Unit.Dimensionless);
        Add(HardBrakingAnalyzer.AccelLonSmoothedMin, Unit.MetrePerSecondSquared);
        Add(LaneChangeAnalyzer.LaneChangeCount, Unit.Dimensionless);
        Add(CutInAnalyzer.CutInCount, Unit.Dimensionless);
        Add(CutInAnalyzer.CutInGapAtEntryMin, Unit.Metre);
        Add(LaneKeepingAnalyzer.LaneOffsetNavsimMax, Unit.Metre);
        Add(LaneKeepingAnalyzer.LaneKeepingNavsimScore, Unit.Dimensionless);
        foreach (var statistic in (string[])["max", "mean", "p90"])
        {
            Add(NuPlanExpertL2Analyzer.Name(statistic), Unit.Metre);
        }

        return metrics;
    }
}
