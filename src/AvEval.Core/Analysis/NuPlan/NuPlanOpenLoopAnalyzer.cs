using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's open-loop metrics, which compare a planner's proposal at each sampled ego state with what the expert then
/// drove: <c>planner_expert_average_l2_error_within_bound</c> (ADE), <c>planner_expert_final_l2_error_within_bound</c>
/// (FDE), <c>planner_expert_average_heading_error_within_bound</c> (AHE), <c>planner_expert_final_heading_error_within_bound</c>
/// (FHE), <c>planner_miss_rate_within_bound</c>, and the open-loop score that combines them
/// (<c>open_loop_boxes_weighted_average</c>: the miss-rate boolean times the mean of the four error scores).
/// The proposals are <see cref="NuPlanSimplePlanner"/>'s, as in nuPlan's own metric tests.
/// </summary>
/// <remarks>
/// <para>As nuPlan computes them (<c>planner_expert_average_l2_error_within_bound.py</c>): ego states are sampled at
/// 1 Hz (every <c>round(1 s / step)</c> states); at each sampled state k the planner's trajectory is interpolated at the
/// times of the next 8 expert samples; the errors are the box-centre distance and the absolute wrapped heading
/// difference. Per horizon h ∈ {3, 5, 8} s: ADE = mean of the first h distances, FDE = the h-th, AHE/FHE likewise for
/// headings, and a miss when the largest of the first h distances exceeds 6, 8 or 16 m. Each statistic is the mean over
/// the sampled states; <c>*.mean</c> is the mean over horizons and states; <c>*.within_bound</c> is whether that is at
/// most 8 m, 8 m, 0.8 rad, 0.8 rad; <c>*.score</c> is <c>max(0, 1 − mean / bound)</c>; the miss rate is within bound when
/// every horizon's rate is at most 0.3.</para>
/// <para>The expert is the drive's expert track (a candidate replaced the recorded ego); without one, the recorded ego
/// itself (open-loop evaluation of the log). nuPlan reads expert states beyond the scenario's end from the log; a drive
/// has none, so sampled states less than 8 s before the expert's last state are left out, and the diagnostics say how many.</para>
/// </remarks>
public sealed class NuPlanOpenLoopAnalyzer : IDriveAnalyzer
{
    private static readonly int[] Horizons = [3, 5, 8];
    private static readonly double[] MissThresholds = [6, 8, 16];
    private const double MaxMissRate = 0.3;
    private const double ComparisonFrequency = 1.0;

    private static readonly (string Key, string NuPlanName, Unit Unit, double Bound)[] Errors =
    [
        ("ade", "planner_expert_average_l2_error_within_bound", Unit.Metre, 8.0),
        ("fde", "planner_expert_final_l2_error_within_bound", Unit.Metre, 8.0),
        ("ahe", "planner_expert_average_heading_error_within_bound", Unit.Radian, 0.8),
        ("fhe", "planner_expert_final_heading_error_within_bound", Unit.Radian, 0.8),
    ];

    private readonly TrackId? _expert;
    private readonly NuPlanSimplePlanner _planner;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track id (for <see cref="Analyze(Drive)"/>); null to compare with the recorded ego itself.</param>
    /// <param name="planner">The planner whose proposals are compared; null for nuPlan's test planner (10 s at 1 s, no acceleration).</param>
    /// <exception cref="ArgumentException">The planner's horizon is shorter than the longest comparison horizon (8 s).</exception>
    public NuPlanOpenLoopAnalyzer(TrackId? expert = null, NuPlanSimplePlanner? planner = null)
    {
        _expert = expert;
        _planner = planner ?? new NuPlanSimplePlanner();
        if (_planner.HorizonSeconds < Horizons[^1])
        {
            throw new ArgumentException($"The planner plans '{_planner.HorizonSeconds}' s ahead; nuPlan's open-loop metrics compare '{Horizons[^1]}' s; give it a longer horizon.", nameof(planner));
        }

        var published = new List<MetricDescriptor>();
        foreach (var (key, nuPlanName, unit, bound) in Errors)
        {
            string def = $"nuPlan {nuPlanName} (SimplePlanner proposals at 1 Hz vs the expert, horizons 3/5/8 s, bound {bound} {unit})";
            published.AddRange(Horizons.Select(h => new MetricDescriptor(Name(key, $"h{h}.mean"), unit, def + $", mean over sampled states at {h} s", MetricAuthority.NuPlan, MotionControl.Both)));
            published.Add(new MetricDescriptor(Name(key, "mean"), unit, def + ", mean over horizons and sampled states", MetricAuthority.NuPlan, MotionControl.Both));
            published.Add(new MetricDescriptor(Name(key, "within_bound"), Unit.Boolean, def + $", mean at most {bound} {unit}", MetricAuthority.NuPlan, MotionControl.Both));
            published.Add(new MetricDescriptor(Name(key, "score"), Unit.Dimensionless, def + $", metric score max(0, 1 − mean / {bound})", MetricAuthority.NuPlan, MotionControl.Both));
        }

        const string missDef = "nuPlan planner_miss_rate_within_bound (a miss: the largest SimplePlanner–expert distance within the horizon above 6/8/16 m at 3/5/8 s)";
        published.AddRange(Horizons.Select(h => new MetricDescriptor(Name("miss_rate", $"h{h}.ratio"), Unit.Dimensionless, missDef + $", share of sampled states missed at {h} s", MetricAuthority.NuPlan, MotionControl.Both)));
        published.Add(new MetricDescriptor(Name("miss_rate", "within_bound"), Unit.Boolean, missDef + ", every horizon's rate at most 0.3", MetricAuthority.NuPlan, MotionControl.Both));
        published.Add(new MetricDescriptor(Score, Unit.Dimensionless, "nuPlan open_loop_boxes_weighted_average: miss-rate within bound × mean of the ADE, FDE, AHE and FHE scores (weights 1)", MetricAuthority.NuPlan, MotionControl.Both));
        Publishes = published;
    }

    /// <summary>The open-loop score in [0, 1] (nuPlan <c>open_loop_boxes_weighted_average</c>).</summary>
    public static string Score => "open_loop.nuplan.score";

    /// <summary>Metric name of an open-loop statistic, e.g. <c>Name("ade", "h3.mean")</c> = <c>open_loop.nuplan.ade.h3.mean</c>.</summary>
    /// <param name="metric">ade, fde, ahe, fhe or miss_rate.</param>
    /// <param name="statistic">h3.mean, h5.mean, h8.mean, mean (over horizons), within_bound or score; for miss_rate h3.ratio, h5.ratio, h8.ratio or within_bound.</param>
    /// <returns>The metric name.</returns>
    public static string Name(string metric, string statistic) => $"open_loop.nuplan.{metric}.{statistic}";

    /// <inheritdoc/>
    public string Id => "nuplan.open_loop";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        Track? expert = _expert is { } id && drive.Scene.TryGetTrack(id, out var t) ? t : null;
        return Analyze(NuPlanHistory.FromDrive(drive, expert));
    }

    /// <summary>Analyzes a nuPlan history: the planner proposes from each sampled ego state; the expert is the history's, else its own ego states.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ego = history.EgoStates;
        var expert = history.Expert is { Count: > 0 } e ? e : ego;
        if (ego.Count < 2)
        {
            return NoValue(history, $"nuPlan's open-loop metrics need at least 2 ego states to find the time step; the drive has '{ego.Count}'.");
        }

        double step = (ego[^1].TimeSeconds - ego[0].TimeSeconds) / (ego.Count - 1);
        int stride = Math.Max(1, (int)Math.Round(1 / (ComparisonFrequency * step)));
        int expertStart = IndexAt(expert, ego[0].TimeSeconds);
        if (expertStart < 0)
        {
            return NoValue(history, $"The expert has no state at the ego's first time '{ego[0].TimeSeconds:G6}' s to align with.");
        }

        var expertSampled = new List<EgoSample>();
        for (int i = expertStart; i < expert.Count; i += stride)
        {
            expertSampled.Add(expert[i]);
        }

        int maxHorizon = Horizons[^1];
        var frames = new List<int>();
        for (int k = 0, index = 0; index < ego.Count; k++, index += stride)
        {
            if (k + maxHorizon < expertSampled.Count)
            {
                frames.Add(k);
            }
        }

        int sampled = ((ego.Count - 1) / stride) + 1;
        if (frames.Count == 0)
        {
            return NoValue(history, $"No sampled ego state has '{maxHorizon}' s of expert states after it ('{expertSampled.Count}' expert samples at 1 Hz); nuPlan's open-loop metrics need them.");
        }

        int h = Horizons.Length;
        var values = new double[Errors.Length + 1][,];
        for (int m = 0; m < values.Length; m++)
        {
            values[m] = new double[h, frames.Count];
        }

        var distance = new double[maxHorizon];
        var heading = new double[maxHorizon];
        for (int f = 0; f < frames.Count; f++)
        {
            int k = frames[f];
            var plan = _planner.Plan(ego[k * stride]);
            for (int j = 0; j < maxHorizon; j++)
            {
                var target = expertSampled[k + 1 + j];
                var planned = NuPlanSimplePlanner.StateAt(plan, target.TimeSeconds);
                distance[j] = NuPlanHistory.Footprint(planned, history.Vehicle).Centre.DistanceTo(NuPlanHistory.Footprint(target, history.Vehicle).Centre);
                heading[j] = Math.Abs(NuPlanSimplePlanner.PrincipalValue(planned.Heading - target.Heading));
            }

            for (int hi = 0; hi < h; hi++)
            {
                int n = (int)(Horizons[hi] * ComparisonFrequency);
                values[0][hi, f] = NuPlanStatistics.Mean(distance.AsSpan(0, n));
                values[1][hi, f] = distance[n - 1];
                values[2][hi, f] = NuPlanStatistics.Mean(heading.AsSpan(0, n));
                values[3][hi, f] = heading[n - 1];
                values[4][hi, f] = NuPlanStatistics.Max(distance.AsSpan(0, n)) > MissThresholds[hi] ? 1 : 0;
            }
        }

        string? note = frames.Count < sampled
            ? $"'{sampled - frames.Count}' of '{sampled}' sampled ego states have less than '{maxHorizon}' s of expert states after them and are left out."
            : null;
        var metrics = new List<Metric>(Publishes.Count);
        int d = 0;
        double scoreSum = 0;
        for (int m = 0; m < Errors.Length; m++)
        {
            double all = 0;
            for (int hi = 0; hi < h; hi++)
            {
                double mean = RowMean(values[m], hi);
                all += mean;
                metrics.Add(Publishes[d++].Measured(mean, note));
            }

            all /= h;
            double score = Math.Max(0, 1 - (all / Errors[m].Bound));
            scoreSum += score;
            metrics.Add(Publishes[d++].Measured(all, note));
            metrics.Add(Publishes[d++].Measured(all <= Errors[m].Bound ? 1 : 0, note));
            metrics.Add(Publishes[d++].Measured(score, note));
        }

        bool missWithin = true;
        for (int hi = 0; hi < h; hi++)
        {
            double rate = RowMean(values[4], hi);
            missWithin &= rate <= MaxMissRate;
            metrics.Add(Publishes[d++].Measured(rate, note));
        }

        metrics.Add(Publishes[d++].Measured(missWithin ? 1 : 0, note));
        metrics.Add(Publishes[d].Measured((missWithin ? 1 : 0) * scoreSum / Errors.Length, note));
        string diagnostic = $"Compared '{frames.Count}' SimplePlanner proposals (every '{stride}' ego states) with the {(history.Expert is { Count: > 0 } ? "expert" : "recorded ego as the expert")}." + (note is null ? "" : " " + note);
        return new Evaluation(history.Ego, [Id], metrics, [], [], [diagnostic]);
    }

    private static double RowMean(double[,] values, int row)
    {
        double sum = 0;
        int n = values.GetLength(1);
        for (int i = 0; i < n; i++)
        {
            sum += values[row, i];
        }

        return sum / n;
    }

    private static int IndexAt(IReadOnlyList<EgoSample> states, double time)
    {
        for (int i = 0; i < states.Count; i++)
        {
            if (Math.Abs(states[i].TimeSeconds - time) < 1e-6)
            {
                return i;
            }
        }

        return -1;
    }

    private Evaluation NoValue(NuPlanHistory history, string reason) =>
        new(history.Ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
}
