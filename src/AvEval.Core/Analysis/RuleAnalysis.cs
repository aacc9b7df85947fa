using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// Runs a set of rule analyzers over drives and merges their evaluations: one drive, or every vehicle of a scene
/// as ego in turn (what <c>aveval analyze</c> does without <c>--ego</c>).
/// </summary>
public sealed class RuleAnalysis
{
    /// <summary>Creates an analysis over analyzers whose metric names do not clash.</summary>
    public RuleAnalysis(IEnumerable<IDriveAnalyzer> analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        Analyzers = [.. analyzers];
    }

    /// <summary>
    /// The rule analyzers a recorded drive gets by default: nuPlan comfort, TTC, at-fault collisions, mean speed and driving direction;
    /// following (gap, THW, TTC on the lead), hard braking, lane changes, cut-ins and NAVSIM lane keeping.
    /// Analyzers that compare against an expert need one and are added by the candidate that replaces the ego.
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

    /// <summary>The analyzers, in the order their results are merged.</summary>
    public IReadOnlyList<IDriveAnalyzer> Analyzers { get; }

    /// <summary>Analyzes one drive with every analyzer.</summary>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var result = Evaluation.Empty(drive.Ego);
        foreach (var analyzer in Analyzers)
        {
            result = result.Combine(analyzer.Analyze(drive));
        }

        return result;
    }

    /// <summary>Analyzes the scene once per vehicle track, with that track as the ego, in track order.</summary>
    public IReadOnlyList<Evaluation> AnalyzeEachVehicle(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return [.. scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => Analyze(new Drive(scene, t.Id)))];
    }
}
