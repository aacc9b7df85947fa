using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_expert_l2_error</c>: the distance between the ego's and the expert's box centres at each state
/// (discount factor 1), with its MAX, MEAN and P90 (closest observation). For a scene the expert is a recorded track
/// (e.g. the logged ego when a planner replaced it), given to the constructor.
/// </summary>
/// <remarks>
/// Each ego state is paired with the expert state at the same time (within 1 µs); ego states with none are left out
/// of the statistics. When no ego state has an expert state at its time (e.g. histories on different clocks), states
/// are paired by list position, as nuPlan's <c>compute_traj_errors</c>, and ego states beyond the expert's length are
/// left out. The evaluation's diagnostics say which matching was used and how many ego states were left out; the
/// metrics' <see cref="Metric.Reason"/> says so too when states were left out or matched by position.
/// </remarks>
public sealed class NuPlanExpertL2Analyzer : IDriveAnalyzer
{
    private const string Def = "nuPlan ego_expert_l2_error (box-centre distance to the expert, discount 1)";

    private readonly TrackId? _expert;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track id in the scene (for <see cref="Analyze(Drive)"/>); null to use the history's expert only.</param>
    public NuPlanExpertL2Analyzer(TrackId? expert = null)
    {
        _expert = expert;
    }

    /// <inheritdoc/>
    public string Id => "nuplan.expert_l2";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Name("max"), Unit.Metre, Def, MetricAuthority.NuPlan, Scenarios.MotionControl.Both),
        new(Name("mean"), Unit.Metre, Def, MetricAuthority.NuPlan, Scenarios.MotionControl.Both),
        new(Name("p90"), Unit.Metre, Def + ", P90 closest observation", MetricAuthority.NuPlan, Scenarios.MotionControl.Both),
    ];

    /// <summary>Metric name of a statistic: max, mean or p90.</summary>
    /// <param name="statistic">max, mean or p90.</param>
    /// <returns>The name.</returns>
    public static string Name(string statistic) => $"l2_expert.nuplan.{statistic}";

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        Track? expert = _expert is { } id && drive.Scene.TryGetTrack(id, out var t) ? t : null;
        return Analyze(NuPlanHistory.FromDrive(drive, expert));
    }

    /// <summary>Analyzes a nuPlan history.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Expert is not { Count: > 0 } expert)
        {
            return NoValue(history, "The drive has no expert trajectory to compare with.");
        }

        if (history.EgoStates.Count == 0)
        {
            return NoValue(history, "The drive has no ego states to compare with the expert.");
        }

        var (pairs, byTime) = Match(history.EgoStates, expert);
        var expertVehicle = history.Vehicle;
        var error = new double[pairs.Count];
        var times = new double[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var (egoIndex, expertIndex) = pairs[i];
            error[i] = history.EgoBox(egoIndex).Centre.DistanceTo(NuPlanHistory.Footprint(expert[expertIndex], expertVehicle).Centre);
            times[i] = history.EgoStates[egoIndex].TimeSeconds;
        }

        int unmatched = history.EgoStates.Count - pairs.Count;
        string matching = byTime
            ? $"Matched '{pairs.Count}' of '{history.EgoStates.Count}' ego states to the expert state at the same time (within 1 µs); '{unmatched}' ego states had no expert state at their time and are left out."
            : $"No ego state has an expert state at its time, so the states were matched by list position as nuPlan's compute_traj_errors: '{pairs.Count}' of '{history.EgoStates.Count}' ego states matched; '{unmatched}' beyond the expert's '{expert.Count}' states are left out.";
        string? note = unmatched > 0 || !byTime ? matching : null;
        var metrics = new List<Metric>
        {
            Publishes[0].Measured(NuPlanStatistics.Max(error), note),
            Publishes[1].Measured(NuPlanStatistics.Mean(error), note),
            Publishes[2].Measured(NuPlanStatistics.P90(error, new double[error.Length]), note),
        };
        return new Evaluation(history.Ego, [Id], metrics, [], [new MetricSeries("l2_expert.nuplan", Unit.Metre, Def, times, error)], [matching]);
    }

    private Evaluation NoValue(NuPlanHistory history, string reason) =>
        new(history.Ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);

    /// <summary>
    /// Pairs each ego state with the expert state at its time (both lists are time-ordered: one merge pass); when no
    /// ego time has an expert state, pairs by list position instead, as nuPlan's <c>compute_traj_errors</c> does.
    /// </summary>
    internal static (List<(int Ego, int Expert)> Pairs, bool ByTime) Match(IReadOnlyList<Kinematics.EgoSample> ego, IReadOnlyList<Kinematics.EgoSample> expert)
    {
        const double tolerance = 1e-6;
        var pairs = new List<(int Ego, int Expert)>();
        int k = 0;
        for (int i = 0; i < ego.Count; i++)
        {
            double t = ego[i].TimeSeconds;
            while (k < expert.Count && expert[k].TimeSeconds < t - tolerance)
            {
                k++;
            }

            if (k < expert.Count && Math.Abs(expert[k].TimeSeconds - t) < tolerance)
            {
                pairs.Add((i, k));
            }
        }

        if (pairs.Count > 0)
        {
            return (pairs, true);
        }

        for (int i = 0; i < Math.Min(ego.Count, expert.Count); i++)
        {
            pairs.Add((i, i));
        }

        return (pairs, false);
    }
}
