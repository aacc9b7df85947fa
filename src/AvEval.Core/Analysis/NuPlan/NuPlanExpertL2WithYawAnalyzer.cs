using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_expert_l2_error_with_yaw</c>: at each state the box-centre distance to the expert plus 2.5 times
/// the absolute wrapped heading difference (<c>compute_traj_errors</c>, heading_diff_weight 2.5, discount factor 1),
/// with its MAX, MEAN and P90 (closest observation). States are paired with the expert as
/// <see cref="NuPlanExpertL2Analyzer"/> pairs them.
/// </summary>
/// <remarks>nuPlan reports the sum in metres although its second term is 2.5 m per radian of heading error; so does this analyzer.</remarks>
public sealed class NuPlanExpertL2WithYawAnalyzer : IDriveAnalyzer
{
    /// <summary>nuPlan's default weight of the heading error, m/rad.</summary>
    public const double HeadingDiffWeight = 2.5;

    private const string Def = "nuPlan ego_expert_l2_error_with_yaw (box-centre distance to the expert + 2.5 × |heading error| in rad, discount 1)";

    private readonly TrackId? _expert;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track id in the scene (for <see cref="Analyze(Drive)"/>); null to use the history's expert only.</param>
    public NuPlanExpertL2WithYawAnalyzer(TrackId? expert = null)
    {
        _expert = expert;
    }

    /// <summary>Metric name of a statistic: max, mean or p90.</summary>
    /// <param name="statistic">max, mean or p90.</param>
    /// <returns>The name.</returns>
    public static string Name(string statistic) => $"l2_yaw_expert.nuplan.{statistic}";

    /// <inheritdoc/>
    public string Id => "nuplan.expert_l2_with_yaw";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Name("max"), Unit.Metre, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("mean"), Unit.Metre, Def, MetricAuthority.NuPlan, MotionControl.Both),
        new(Name("p90"), Unit.Metre, Def + ", P90 closest observation", MetricAuthority.NuPlan, MotionControl.Both),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        Track? expert = _expert is { } id && drive.Scene.TryGetTrack(id, out var t) ? t : null;
        return Analyze(NuPlanHistory.FromDrive(drive, expert));
    }

    /// <summary>Analyzes a nuPlan history against its expert.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Expert is not { Count: > 0 } expert || history.EgoStates.Count == 0)
        {
            const string reason = "The drive has no expert trajectory (or no ego states) to compare with.";
            return new Evaluation(history.Ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var (pairs, byTime) = NuPlanExpertL2Analyzer.Match(history.EgoStates, expert);
        var error = new double[pairs.Count];
        var times = new double[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var (egoIndex, expertIndex) = pairs[i];
            var ego = history.EgoStates[egoIndex];
            var target = expert[expertIndex];
            double distance = history.EgoBox(egoIndex).Centre.DistanceTo(NuPlanHistory.Footprint(target, history.Vehicle).Centre);
            error[i] = distance + (HeadingDiffWeight * Math.Abs(NuPlanSimplePlanner.PrincipalValue(ego.Heading - target.Heading)));
            times[i] = ego.TimeSeconds;
        }

        string? note = byTime && pairs.Count == history.EgoStates.Count
            ? null
            : $"'{pairs.Count}' of '{history.EgoStates.Count}' ego states paired with the expert {(byTime ? "by time" : "by list position, as nuPlan's compute_traj_errors")}.";
        var metrics = new List<Metric>
        {
            Publishes[0].Measured(NuPlanStatistics.Max(error), note),
            Publishes[1].Measured(NuPlanStatistics.Mean(error), note),
            Publishes[2].Measured(NuPlanStatistics.P90(error, new double[error.Length]), note),
        };
        return new Evaluation(history.Ego, [Id], metrics, [], [new MetricSeries("l2_yaw_expert.nuplan", Unit.Metre, Def, times, error)], note is null ? [] : [note]);
    }
}
