namespace AvEval.Statistics;

/// <summary>
/// PR-AUC as average precision, defined as scikit-learn's average_precision_score defines it: AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over
/// the distinct score thresholds taken from high to low (tied scores enter together), with R₀ = 0 and no interpolation
/// of precision (not the trapezoidal area, which is optimistic). NaN when there is no positive.
/// </summary>
public static class AveragePrecision
{
    /// <summary>The average precision of <paramref name="scores"/> against binary <paramref name="labels"/>.</summary>
    public static double Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"There are {labels.Length} labels and {scores.Length} scores; pass one score per item.", nameof(scores));
        }

        int n = labels.Length;
        var order = new int[n];
        var keys = new double[n];
        double positives = 0;
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score {i} is NaN; average precision needs comparable scores.", nameof(scores));
            }

            order[i] = i;
            keys[i] = -scores[i];
            positives += labels[i] ? 1 : 0;
        }

        if (positives == 0)
        {
            return double.NaN;
        }

        Array.Sort(keys, order);
        double truePositives = 0;
        double predicted = 0;
        double previousRecall = 0;
        double sum = 0;
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end < n && keys[end] == keys[start])
            {
                truePositives += labels[order[end]] ? 1 : 0;
                predicted++;
                end++;
            }

            double recall = truePositives / positives;
            sum += (recall - previousRecall) * (truePositives / predicted);
            previousRecall = recall;
            start = end;
        }

        return sum;
    }
}
