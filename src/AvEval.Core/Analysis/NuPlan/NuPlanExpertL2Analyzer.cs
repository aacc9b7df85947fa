using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>ego_expert_l2_error</c>: the distance between the ego's and the expert's box centres at each state
/// (discount factor 1), with its MAX, MEAN and P90 (closest observation). For a scene the expert is a recorded track
/// (e.g. the logged ego when a planner replaced it), given to the constructor.
/// </summary>
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
            const string reason = "The drive has no expert trajectory to compare with.";
            return new Evaluation(history.Ego, [Id], [.. ((string[])["max", "mean", "p90"]).Select(s => new Metric(Name(s), null, Unit.Metre, Def, reason))], [], [], [reason]);
        }

        var expertVehicle = history.Vehicle;
        int n = Math.Min(history.EgoStates.Count, expert.Count);
        var error = new double[n];
        var times = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Matched by index as nuPlan's compute_traj_errors; a scene's expert is aligned by time first.
            var e = NuPlanHistory.Footprint(expert[IndexAt(expert, history.EgoStates[i].TimeSeconds, i)], expertVehicle).Centre;
            error[i] = history.EgoBox(i).Centre.DistanceTo(e);
            times[i] = history.EgoStates[i].TimeSeconds;
        }

        var metrics = new List<Metric>
        {
            new(Name("max"), NuPlanStatistics.Max(error), Unit.Metre, Def),
            new(Name("mean"), NuPlanStatistics.Mean(error), Unit.Metre, Def),
            new(Name("p90"), NuPlanStatistics.P90(error, new double[n]), Unit.Metre, Def + ", P90 closest observation"),
        };
        return new Evaluation(history.Ego, [Id], metrics, [], [new MetricSeries("l2_expert.nuplan", Unit.Metre, Def, times, error)], []);
    }

    private static int IndexAt(IReadOnlyList<Kinematics.EgoSample> expert, double time, int fallback)
    {
        for (int k = 0; k < expert.Count; k++)
        {
            if (Math.Abs(expert[k].TimeSeconds - time) < 1e-6)
            {
                return k;
            }
        }

        return Math.Min(fallback, expert.Count - 1);
    }
}
