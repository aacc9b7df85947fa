using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's closed-loop score (<c>closed_loop_*_weighted_average</c> metric aggregator): the product of the
/// multiplier metrics' scores — <c>no_ego_at_fault_collisions</c> (1, 0.5, 0), <c>drivable_area_compliance</c>,
/// <c>ego_is_making_progress</c>, <c>driving_direction_compliance</c> (1, 0.5, 0) — times the weighted mean of
/// <c>time_to_collision_within_bound</c> (weight 5), <c>ego_progress_along_expert_route</c> (5),
/// <c>speed_limit_compliance</c> (4) and <c>ego_is_comfortable</c> (2).
/// </summary>
/// <remarks>
/// The sub-metrics are AvEval's reproductions (<see cref="NuPlanCollisionAnalyzer.Score"/>,
/// <see cref="NuPlanDrivableAreaAnalyzer.Compliance"/>, <see cref="NuPlanProgressAnalyzer.MakingProgress"/>,
/// <see cref="NuPlanDrivingDirectionAnalyzer.Score"/>, <see cref="NuPlanTimeToCollisionAnalyzer.WithinBound"/>,
/// <see cref="NuPlanProgressAnalyzer.Ratio"/>, <see cref="NuPlanComfortAnalyzer.ComfortValue"/>). A scene carries no speed
/// limits, so speed-limit compliance is left out with its weight (the mean is then over 12, not 16) and the metric's
/// note says so; progress needs the expert, so without one there is no score.
/// </remarks>
public sealed class NuPlanClosedLoopScoreAnalyzer : IDriveAnalyzer
{
    private readonly Track? _expert;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track (the recorded ego when a candidate replaced it), or null.</param>
    public NuPlanClosedLoopScoreAnalyzer(Track? expert = null)
    {
        _expert = expert;
    }

    /// <summary>The closed-loop score in [0, 1].</summary>
    public static string Score => "closed_loop.nuplan.score";

    /// <inheritdoc/>
    public string Id => "nuplan.closed_loop_score";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Score, Unit.Dimensionless, "nuPlan closed-loop score: no_ego_at_fault_collisions × drivable_area_compliance × ego_is_making_progress × driving_direction_compliance × (5 TTC + 5 progress + 4 speed limit + 2 comfort) / 16; speed limit left out where the scene has none", MetricAuthority.NuPlan, MotionControl.Both),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var parts = new IDriveAnalyzer[]
        {
            new NuPlanCollisionAnalyzer(),
            new NuPlanDrivableAreaAnalyzer(),
            new NuPlanDrivingDirectionAnalyzer(),
            new NuPlanTimeToCollisionAnalyzer(),
            new NuPlanComfortAnalyzer(includeSeries: false),
            new NuPlanProgressAnalyzer(_expert),
        };
        var evaluation = Evaluation.Empty(drive.Ego);
        foreach (var part in parts)
        {
            evaluation = evaluation.Combine(RuleAnalysis.AnalyzeGuarded(part, drive));
        }

        return FromSubMetrics(evaluation);
    }

    /// <summary>The score from an evaluation holding the sub-metrics named in the remarks, measuring nothing again.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>An evaluation with <see cref="Score"/>.</returns>
    public Evaluation FromSubMetrics(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        string[] needed =
        [
            NuPlanCollisionAnalyzer.Score, NuPlanDrivableAreaAnalyzer.Compliance, NuPlanProgressAnalyzer.MakingProgress, NuPlanDrivingDirectionAnalyzer.Score,
            NuPlanTimeToCollisionAnalyzer.WithinBound, NuPlanProgressAnalyzer.Ratio, NuPlanComfortAnalyzer.ComfortValue,
        ];
        var values = needed.Select(n => evaluation.FindMetric(n)?.Value).ToArray();
        var missing = needed.Where((_, i) => values[i] is null).ToList();
        if (missing.Count > 0)
        {
            string reason = $"nuPlan's closed-loop score needs {string.Join(", ", missing.Select(m => $"'{m}'"))}, which this drive has no value for.";
            return new Evaluation(evaluation.Ego, [Id], [Publishes[0].NotComputed(reason)], [], [], [reason]);
        }

        double score = Combine(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value, values[5]!.Value, null, values[6]!.Value);
        return new Evaluation(evaluation.Ego, [Id], [Publishes[0].Measured(score, "Without speed_limit_compliance and its weight 4: the scene carries no speed limits.")], [], [], []);
    }

    /// <summary>nuPlan's closed-loop weighted average of the metric scores; a null speed-limit score is left out with its weight.</summary>
    /// <param name="noAtFaultCollisions">no_ego_at_fault_collisions score.</param>
    /// <param name="drivableArea">drivable_area_compliance score.</param>
    /// <param name="makingProgress">ego_is_making_progress score.</param>
    /// <param name="drivingDirection">driving_direction_compliance score.</param>
    /// <param name="ttc">time_to_collision_within_bound score.</param>
    /// <param name="progress">ego_progress_along_expert_route score.</param>
    /// <param name="speedLimit">speed_limit_compliance score, or null when there are no speed limits.</param>
    /// <param name="comfort">ego_is_comfortable score.</param>
    /// <returns>The score in [0, 1].</returns>
    public static double Combine(double noAtFaultCollisions, double drivableArea, double makingProgress, double drivingDirection, double ttc, double progress, double? speedLimit, double comfort)
    {
        double weighted = (5 * ttc) + (5 * progress) + (2 * comfort);
        double weights = 12;
        if (speedLimit is { } s)
        {
            weighted += 4 * s;
            weights += 4;
        }

        return noAtFaultCollisions * drivableArea * makingProgress * drivingDirection * weighted / weights;
    }
}
