using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_progress_along_expert_route</c> (v1.2 form, score_progress_threshold 2 m) and
/// <c>ego_is_making_progress</c> (min_progress_threshold 0.2): ratio = min(1, max(ego, 2 m) / max(expert, 2 m)),
/// 0 when the ego's progress is below −2 m; making progress when the ratio is at least 0.2.
/// </summary>
/// <remarks>
/// The route is the expert's own driven path (its box centres, in order), extended past both ends along its end
/// segments (<see cref="LanePath"/>); progress is the change in arc length of the box centre (nuPlan's
/// <c>extract_ego_center</c>) from the first to the last state. nuPlan measures along the baselines of the lanes and
/// roadblocks the expert drove through; scenes have no roadblocks, and a chain of lane centrelines breaks where the
/// expert changed lanes, whereas the expert's path follows those same lanes without the break. This path is used
/// whether or not the scene has lanes. An expert that never moved gives a straight route along its first heading.
/// For a recorded scene the expert is the recorded track of the ego; once a planner replaces the ego, pass the
/// recorded track. Without an expert the metrics carry no value, only a reason.
/// </remarks>
public sealed class NuPlanProgressAnalyzer : IDriveAnalyzer
{
    /// <summary>Progress below which the ratio is 0, and the floor of both progresses in the ratio, m (nuPlan config).</summary>
    public const double ScoreProgressThreshold = 2.0;

    /// <summary>Smallest ratio that counts as making progress (nuPlan config).</summary>
    public const double MinProgressRatio = 0.2;

    private const string Def = "nuPlan ego_progress_along_expert_route (v1.2, threshold 2 m) along the expert's driven path";

    private readonly Track? _expert;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track (e.g. the recorded ego), or null when there is none.</param>
    public NuPlanProgressAnalyzer(Track? expert = null)
    {
        _expert = expert;
    }

    /// <summary>Ego progress over expert progress, in [0, 1].</summary>
    public static string Ratio => "progress.nuplan.ratio";

    /// <summary>Whether the ratio reaches 0.2 (nuPlan ego_is_making_progress).</summary>
    public static string MakingProgress => "making_progress.nuplan.value";

    /// <summary>The ego's progress along the expert's route, m.</summary>
    public static string EgoProgress => "progress.nuplan.value";

    /// <inheritdoc/>
    public string Id => "nuplan.progress";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Ratio, Unit.Dimensionless, Def, MetricAuthority.NuPlan, Scenarios.MotionControl.Longitudinal),
        new(MakingProgress, Unit.Boolean, "nuPlan ego_is_making_progress (ratio ≥ 0.2)", MetricAuthority.NuPlan, Scenarios.MotionControl.Longitudinal),
        new(EgoProgress, Unit.Metre, Def, MetricAuthority.NuPlan, Scenarios.MotionControl.Longitudinal),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Evaluate(drive.Ego, Centres(drive.EgoTrack), _expert is null ? null : Centres(_expert), _expert?.States[0].Heading ?? 0);
    }

    /// <summary>Analyzes a nuPlan history against its expert.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ego = Enumerable.Range(0, history.EgoStates.Count).Select(i => history.EgoBox(i).Centre).ToArray();
        var expert = history.Expert is { Count: > 0 } e ? e.Select(s => NuPlanHistory.Footprint(s, history.Vehicle).Centre).ToArray() : null;
        return Evaluate(history.Ego, ego, expert, history.Expert is { Count: > 0 } h ? h[0].Heading : 0);
    }

    private static Point2[] Centres(Track track) => [.. track.States.ToArray().Select(s => new Point2(s.X, s.Y))];

    private Evaluation Evaluate(TrackId ego, Point2[] egoCentres, Point2[]? expertCentres, double expertHeading)
    {
        if (expertCentres is null)
        {
            const string reason = "The drive has no expert trajectory whose route the progress could be measured along; pass the recorded track as the expert.";
            return new Evaluation(ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var route = Route(expertCentres, expertHeading);
        double expert = route.Project(expertCentres[^1]).S - route.Project(expertCentres[0]).S;
        double progress = route.Project(egoCentres[^1]).S - route.Project(egoCentres[0]).S;
        double ratio = progress < -ScoreProgressThreshold
            ? 0
            : Math.Min(1, Math.Max(progress, ScoreProgressThreshold) / Math.Max(expert, ScoreProgressThreshold));
        var metrics = new List<Metric> { Publishes[0].Measured(ratio), Publishes[1].Measured(ratio >= MinProgressRatio ? 1 : 0), Publishes[2].Measured(progress) };
        return new Evaluation(ego, [Id], metrics, [], [], []);
    }

    private static LanePath Route(Point2[] centres, double heading)
    {
        var distinct = new List<Point2>(centres.Length);
        foreach (var c in centres)
        {
            // Points closer than a millimetre are the expert standing still; they would make degenerate segments.
            if (distinct.Count == 0 || distinct[^1].DistanceTo(c) > 1e-3)
            {
                distinct.Add(c);
            }
        }

        if (distinct.Count < 2)
        {
            distinct.Add(distinct[0] + Point2.FromAngle(heading));
        }

        return new LanePath(distinct);
    }
}
