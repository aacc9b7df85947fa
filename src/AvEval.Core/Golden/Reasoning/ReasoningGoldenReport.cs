using AvEval.Analysis;
using AvEval.Reasoning;
using AvEval.Scenes;
using AvEval.Statistics;

namespace AvEval.Golden.Reasoning;

/// <summary>
/// The chain-of-thought checks on the golden set: each trace's flags, precision and recall of every check per corruption
/// type (<see cref="CheckScore"/>), and the certification of the evaluator "any check flags the trace" for
/// <see cref="ReasoningGoldenSet.Behaviour"/> through the gate every evaluator passes (<see cref="GoldenSetMetaTest"/>,
/// Cohen's kappa lower 95% bound against the labels by construction, seeded BCa bootstrap, 2,000 resamples, seed 0).
/// </summary>
/// <param name="Flags">Per trace, in set order.</param>
/// <param name="Scores">Per check (<c>maneuver</c>, <c>cited</c>, <c>hazard</c>, <c>any</c>) × corruption type.</param>
/// <param name="Certification">The certification result.</param>
public sealed record ReasoningGoldenReport(IReadOnlyList<TraceCheckFlags> Flags, IReadOnlyList<CheckScore> Scores, MetaTestResult Certification)
{
    /// <summary>The check names, in report order.</summary>
    public static IReadOnlyList<string> Checks { get; } = ["maneuver", "cited", "hazard", "any"];

    /// <summary>Runs the checks on every trace of the set in <paramref name="folder"/>.</summary>
    /// <param name="root">The repository root the logs are relative to.</param>
    /// <param name="folder">The set's folder.</param>
    /// <param name="options">Check thresholds; null for the defaults.</param>
    public static ReasoningGoldenReport Compute(string root, string folder, ReasoningCheckOptions? options = null)
    {
        var (set, traces) = ReasoningGoldenSet.Load(folder);
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var flags = new List<TraceCheckFlags>(traces.Count);
        foreach (var t in traces)
        {
            var e = ReasoningChecks.Evaluate(ReasoningGoldenSet.DriveOf(root, t, scenes), options);
            flags.Add(new TraceCheckFlags(
                t.Item,
                t.Corruption,
                Count(e, ManeuverConsistencyAnalyzer.InconsistentCount) > 0,
                Count(e, CitedAgentAnalyzer.MissingCount) + Count(e, CitedAgentAnalyzer.MisplacedCount) > 0,
                Count(e, HazardMentionAnalyzer.MissedCount) > 0));
        }

        var scores = new List<CheckScore>();
        var negatives = flags.Where(f => f.Corruption == TraceCorruption.None).ToList();
        foreach (string check in Checks)
        {
            foreach (var corruption in Enum.GetValues<TraceCorruption>().Where(c => c != TraceCorruption.None))
            {
                var positives = flags.Where(f => f.Corruption == corruption).ToList();
                if (positives.Count == 0)
                {
                    continue;
                }

                int tp = positives.Count(f => Flagged(f, check)), fp = negatives.Count(f => Flagged(f, check));
                scores.Add(new CheckScore(
                    check,
                    ReasoningGoldenSet.NameOf(corruption),
                    positives.Count,
                    negatives.Count,
                    tp,
                    fp,
                    tp + fp > 0 ? (double)tp / (tp + fp) : null,
                    tp + fp > 0 ? WilsonInterval.Compute(tp, tp + fp) : null,
                    (double)tp / positives.Count,
                    WilsonInterval.Compute(tp, positives.Count)));
            }
        }

        var byItem = flags.ToDictionary(f => f.Item, StringComparer.Ordinal);
        var certification = GoldenSetMetaTest.Run(set, ReasoningGoldenSet.Behaviour, item => byItem[item.Id].Any ? "1" : "0", new CohenKappaAgreement(new BootstrapOptions(2000, 0, 0.95, BootstrapMethod.Bca)));
        return new ReasoningGoldenReport(flags, scores, certification);
    }

    /// <summary>Whether a check flagged a trace.</summary>
    /// <param name="flags">The trace's flags.</param>
    /// <param name="check">One of <see cref="Checks"/>.</param>
    public static bool Flagged(TraceCheckFlags flags, string check)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return check switch
        {
            "maneuver" => flags.Maneuver,
            "cited" => flags.Cited,
            "hazard" => flags.Hazard,
            "any" => flags.Any,
            _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Not a check: maneuver, cited, hazard or any."),
        };
    }

    private static double Count(Evaluation e, string metric) => e.Metric(metric).Value ?? 0;
}
