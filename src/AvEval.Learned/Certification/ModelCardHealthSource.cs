using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Learned.Certification;

/// <summary>
/// The evaluator health of a suite's learned evaluators, from its model cards (<c>models/&lt;id&gt;/&lt;version&gt;</c>) and
/// golden sets (<c>golden/&lt;set&gt;</c>): each certification as recorded, its status now (<see cref="CertificationCheck"/>:
/// stale when the model's SHA-256, the set's version or hashes changed, or the label basis was never recorded), and the set's
/// items scored again on CPU with the model, for the raw agreement at 0.5 and a reliability diagram.
/// </summary>
/// <param name="suiteFolder">The suite's <c>scenarios</c> folder; the golden items' logs are relative to its parent.</param>
public sealed class ModelCardHealthSource(string suiteFolder) : IEvaluatorHealthSource
{
    /// <summary>Bins of the reliability diagram.</summary>
    public const int Bins = 10;

    private readonly string _suite = Path.GetFullPath(suiteFolder);

    /// <inheritdoc/>
    public string Description => $"model cards in '{Path.Combine(_suite, "models")}', golden sets in '{Path.Combine(_suite, "golden")}'";

    /// <inheritdoc/>
    public IReadOnlyList<EvaluatorHealth> Read()
    {
        var result = new List<EvaluatorHealth>();
        string golden = Path.Combine(_suite, "golden");
        string root = Path.GetDirectoryName(_suite) ?? _suite;
        var check = new CertificationCheck(golden);
        using var registry = new ModelRegistry(Path.Combine(_suite, "models"), new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
        foreach (string id in registry.Evaluators)
        {
            foreach (string version in registry.VersionsOf(id))
            {
                var card = registry.ReadCard(id, version);
                var certifications = (card.Certifications ?? []).Where(c => c.Behaviour == card.Task).ToList();
                if (certifications.Count == 0)
                {
                    result.Add(new EvaluatorHealth(id, version, card.Task, null, null, "uncertified", check.Problem(card) ?? "no certification in its card.", null, null, null, null, null, null, 0, 0, EvaluatorCertifier.Threshold, [], "never certified, so no golden set to score"));
                    continue;
                }

                string? problem = check.Problem(card);
                foreach (var c in certifications.OrderBy(c => c.GoldenSet.Name, StringComparer.Ordinal))
                {
                    bool stale = c.ModelSha256 != card.Sha256 || c.LabelBasis is null || (problem is not null && c.Certified);
                    string status = stale ? "stale" : c.Certified ? "certified" : "refused";
                    string reason = stale ? problem ?? c.Reason : c.Reason;
                    var (items, agreements, bins, note) = Score(registry, card, root, Path.Combine(golden, c.GoldenSet.Name));
                    result.Add(new EvaluatorHealth(id, version, card.Task, c.GoldenSet.Name, c.GoldenSet.Version, status, reason, c.LabelBasis, c.Statistic, c.Value,
                        c.Ci95.Count > 0 ? c.Ci95[0] : null, c.Ci95.Count > 1 ? c.Ci95[1] : null, c.Ece, items, agreements, EvaluatorCertifier.Threshold, bins, note));
                }
            }
        }

        return result;
    }

    private static (int Items, int Agreements, List<ReliabilityBin> Bins, string? Note) Score(ModelRegistry registry, ModelCard card, string root, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (0, 0, [], $"golden set folder '{folder}' is missing, so its items were not scored");
        }

        IReadOnlyList<ScoredItem> scored;
        try
        {
            var set = GoldenSetStore.Load(folder);
            var evaluator = registry.Open(card.Id, card.Version);
            scored = GoldenItemScorer.Score(root, folder, set, evaluator);
        }
        catch (AvEvalException e)
        {
            return (0, 0, [], $"the golden set's items could not be scored ({e.Message.TrimEnd('.')})");
        }

        var labelled = scored.Where(s => s.Label is "0" or "1").ToList();
        int agreements = labelled.Count(s => (s.Probability >= EvaluatorCertifier.Threshold) == (s.Label == "1"));
        var bins = new List<ReliabilityBin>();
        for (int b = 0; b < Bins; b++)
        {
            double lower = (double)b / Bins, upper = (double)(b + 1) / Bins;
            var inBin = labelled.Where(s => s.Probability >= lower && (s.Probability < upper || (b == Bins - 1 && s.Probability <= upper))).ToList();
            if (inBin.Count > 0)
            {
                bins.Add(new ReliabilityBin(lower, upper, inBin.Count, inBin.Average(s => s.Probability), inBin.Count(s => s.Label == "1")));
            }
        }

        return (labelled.Count, agreements, bins, null);
    }
}
