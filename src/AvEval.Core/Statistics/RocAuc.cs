namespace AvEval.Statistics;

/// <summary>
/// The area under the ROC curve as the Mann–Whitney probability that a random positive scores above a random negative,
/// ties counting ½ (Hanley and McNeil 1982, Radiology 143:29–36): AUC = (R₊ − n₊(n₊+1)/2)/(n₊n₋) with R₊ the sum of the
/// positives' tie-averaged ranks. Equal to scikit-learn's roc_auc_score for binary labels. NaN when either class is absent.
/// </summary>
public static class RocAuc
{
    /// <summary>The AUC of <paramref name="scores"/> (higher means more positive) against binary <paramref name="labels"/>.</summary>
    public static double Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"There are {labels.Length} labels and {scores.Length} scores; pass one score per item.", nameof(scores));
        }

        var ranks = Ranks.Average(scores);
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        double negatives = labels.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
