using AvEval.Learned.Evaluators;
using AvEval.Statistics;

namespace AvEval.Training;

/// <summary>
/// Metrics of a model on one split, against the labels of its dataset. Detectors: precision, recall and Cohen's kappa
/// against the rule at probability ≥ 0.5, per window and per drive (drive positive = any rule event in its windows;
/// learned drive probability = the largest window probability), and the window ROC-AUC. Human-likeness: ROC-AUC per
/// drive (mean window probability) and per window, and accuracy at 0.5.
/// </summary>
public static class SplitMetrics
{
    /// <summary>Decision threshold on probabilities.</summary>
    public const double Threshold = 0.5;

    /// <summary>Computes the metrics; names are prefixed with <paramref name="split"/> and a dot.</summary>
    public static Dictionary<string, double> Of(string split, bool humanLikeness, Dataset data, IReadOnlyList<LearnedResult> results)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(results);
        var windowScores = new List<double>();
        var windowLabels = new List<bool>();
        var driveScores = new List<double>();
        var driveLabels = new List<bool>();
        for (int i = 0; i < data.Drives.Count; i++)
        {
            if (results[i].Probability is not { } p)
            {
                continue;
            }

            driveScores.Add(p);
            driveLabels.Add(data.Drives[i].DriveLabel);
            windowScores.AddRange(results[i].Windows.Select(w => w.Probability));
            windowLabels.AddRange(data.Drives[i].WindowLabels);
        }

        var m = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [$"{split}.scenes"] = data.Scenes.Count,
            [$"{split}.drives"] = driveScores.Count,
            [$"{split}.drives_positive"] = driveLabels.Count(l => l),
            [$"{split}.windows"] = windowScores.Count,
            [$"{split}.windows_positive"] = windowLabels.Count(l => l),
            [$"{split}.window_auc"] = RocAuc.Compute([.. windowLabels], [.. windowScores]),
        };
        if (humanLikeness)
        {
            m[$"{split}.drive_auc"] = RocAuc.Compute([.. driveLabels], [.. driveScores]);
            m[$"{split}.drive_accuracy"] = driveScores.Count == 0 ? double.NaN : driveScores.Zip(driveLabels).Count(p => (p.First >= Threshold) == p.Second) / (double)driveScores.Count;
            return m;
        }

        Agreement(m, $"{split}.window", windowScores, windowLabels);
        Agreement(m, $"{split}.drive", driveScores, driveLabels);
        return m;
    }

    /// <summary>Precision, recall and Cohen's kappa of the learned labels (score ≥ threshold) against the rule's (AvEval.Statistics).</summary>
    private static void Agreement(Dictionary<string, double> m, string prefix, List<double> scores, List<bool> rule)
    {
        bool[] learned = [.. scores.Select(s => s >= Threshold)];
        var table = ConfusionMatrix.OfBinary([.. rule], learned);
        m[$"{prefix}_precision"] = table.Precision();
        m[$"{prefix}_recall"] = table.Recall();
        m[$"{prefix}_kappa"] = CohenKappa.Compute([.. rule.Select(l => l ? 1 : 0)], [.. learned.Select(l => l ? 1 : 0)], 2);
        m[$"{prefix}_learned_only"] = table.FalsePositives();
        m[$"{prefix}_rule_only"] = table.FalseNegatives();
    }
}
