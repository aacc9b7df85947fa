using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// Runs a set of rule analyzers over drives and merges their evaluations: one drive, or every vehicle of a scene
/// as ego in turn (what <c>aveval analyze</c> does without <c>--ego</c>). An analyzer that throws does not lose the
/// drive: its metrics are reported without a value and an error diagnostic names it and the exception
/// (<see cref="Evaluation.Failed"/>); the other analyzers' results stand.
/// </summary>
public sealed class RuleAnalysis
{
    /// <summary>Creates an analysis over analyzers whose metric names do not clash.</summary>
    /// <exception cref="ArgumentException">Two analyzers publish a metric of the same name.</exception>
    public RuleAnalysis(IEnumerable<IDriveAnalyzer> analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        Analyzers = [.. analyzers];
        var clash = Analyzers.SelectMany(a => a.Publishes).GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Metric '{clash.Key}' is published by two analyzers; give one of them another name.", nameof(analyzers));
        }
    }

    /// <summary>
    /// The rule analyzers a recorded drive gets by default: nuPlan comfort, TTC, at-fault collisions, mean speed and driving direction;
    /// following (gap, THW, TTC on the lead), hard braking, lane changes, cut-ins and NAVSIM lane keeping.
    /// Analyzers that compare against an expert need one and are added by the candidate that replaces the ego
    /// (<see cref="CreateExpertComparison"/>). This is the one list of the default analyzers.
    /// </summary>
    public static RuleAnalysis CreateDefault() => new(
    [
        new NuPlanComfortAnalyzer(),
        new NuPlanTimeToCollisionAnalyzer(),
        new NuPlanCollisionAnalyzer(),
        new NuPlanMeanSpeedAnalyzer(),
        new NuPlanDrivingDirectionAnalyzer(),
        new FollowingAnalyzer(),
        new HardBrakingAnalyzer(),
        new LaneChangeAnalyzer(),
        new CutInAnalyzer(),
        new LaneKeepingAnalyzer(),
    ]);

    /// <summary>
    /// The analyzers a drive gets when a candidate replaced the recorded ego, which is then the expert: nuPlan's expert
    /// L2 error and progress along the expert's route; then, appended, the nuPlan and NAVSIM metrics kept out of
    /// <see cref="CreateDefault"/> (whose output and speed are pinned by its snapshot and benchmark): nuPlan's
    /// ego_acceleration, ego_lat_jerk and drivable_area_compliance, the open-loop SimplePlanner-vs-expert metrics and score (the
    /// recorded ego is the expert when there is none), NAVSIM's PDMS and EPDMS, nuPlan's closed-loop score and ego_expert_l2_error_with_yaw.
    /// </summary>
    /// <param name="expert">The expert's track (the recorded ego); null when there is none (their metrics then have no value, with the reason).</param>
    public static RuleAnalysis CreateExpertComparison(Track? expert) => new(
    [
        new NuPlanExpertL2Analyzer(expert?.Id),
        new NuPlanProgressAnalyzer(expert),
        new NuPlanAccelerationAnalyzer(),
        new NuPlanLateralJerkAnalyzer(),
        new NuPlanDrivableAreaAnalyzer(),
        new NuPlanOpenLoopAnalyzer(expert?.Id),
        new Navsim.NavsimScoreAnalyzer(expert),
        new NuPlanClosedLoopScoreAnalyzer(expert),
        new NuPlanExpertL2WithYawAnalyzer(expert?.Id),
    ]);

    /// <summary>The analyzers, in the order their results are merged.</summary>
    public IReadOnlyList<IDriveAnalyzer> Analyzers { get; }

    /// <summary>Every metric the analyzers publish, in analyzer order.</summary>
    public IReadOnlyList<MetricDescriptor> Publishes => [.. Analyzers.SelectMany(a => a.Publishes)];

    /// <summary>Every event kind the analyzers detect, one entry per detecting analyzer, in analyzer order.</summary>
    public IReadOnlyList<EventDescriptor> Detects => [.. Analyzers.SelectMany(a => a.Detects)];

    /// <summary>Analyzes one drive with every analyzer; an analyzer that throws leaves <see cref="Evaluation.Failed"/> in its place.</summary>
    /// <exception cref="KeyNotFoundException">The drive's ego is not a track of its scene (misuse: check the ego first).</exception>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        _ = drive.EgoTrack;
        var result = Evaluation.Empty(drive.Ego);
        foreach (var analyzer in Analyzers)
        {
            result = result.Combine(AnalyzeGuarded(analyzer, drive));
        }

        return result;
    }

    /// <summary>Analyzes the scene once per vehicle track, with that track as the ego, in track order.</summary>
    public IReadOnlyList<Evaluation> AnalyzeEachVehicle(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return [.. scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => Analyze(new Drive(scene, t.Id)))];
    }

    /// <summary>
    /// Runs one analyzer on a drive; when it throws, <see cref="Evaluation.Failed"/> instead (every metric it advertises
    /// without a value, an error diagnostic naming it and the exception). Use it for any analyzer run outside a
    /// <see cref="RuleAnalysis"/> (expert comparisons, learned evaluators).
    /// </summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="drive">The drive.</param>
    public static Evaluation AnalyzeGuarded(IDriveAnalyzer analyzer, Drive drive)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(drive);
        try
        {
            return analyzer.Analyze(drive);
        }
#pragma warning disable CA1031 // STYLE.md §5: an evaluator that throws leaves an error diagnostic on each metric it advertised; the run continues.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Evaluation.Failed(drive.Ego, analyzer, exception);
        }
    }
}
