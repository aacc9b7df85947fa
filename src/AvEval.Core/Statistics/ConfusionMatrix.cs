namespace AvEval.Statistics;

/// <summary>
/// Counts of (reference, predicted) category pairs for k categories coded 0..k−1, with per-class precision, recall and
/// F1 (van Rijsbergen's F₁ = 2PR/(P+R)). A ratio whose denominator is zero is NaN (undefined), not 0 as scikit-learn's
/// zero_division default makes it: an undefined precision must not pass for a bad one.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    private ConfusionMatrix(int categories, long[] counts)
    {
        Categories = categories;
        _counts = counts;
    }

    /// <summary>The number of categories k.</summary>
    public int Categories { get; }

    /// <summary>The number of pairs counted.</summary>
    public long Total => _counts.Sum();

    /// <summary>How many items of reference category <paramref name="reference"/> were predicted as <paramref name="predicted"/>.</summary>
    public long this[int reference, int predicted] => _counts[(reference * Categories) + predicted];

    /// <summary>Tabulates reference and predicted codes, one pair per item.</summary>
    public static ConfusionMatrix Of(ReadOnlySpan<int> reference, ReadOnlySpan<int> predicted, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 2);
        if (reference.Length != predicted.Length)
        {
            throw new ArgumentException($"There are {reference.Length} reference labels and {predicted.Length} predictions; pass one of each per item.", nameof(predicted));
        }

        var counts = new long[categories * categories];
        for (int i = 0; i < reference.Length; i++)
        {
            if ((uint)reference[i] >= (uint)categories || (uint)predicted[i] >= (uint)categories)
            {
                throw new ArgumentOutOfRangeException(nameof(reference), $"Item {i} has codes '{reference[i]}' and '{predicted[i]}'; codes must lie in 0..{categories - 1}.");
            }

            counts[(reference[i] * categories) + predicted[i]]++;
        }

        return new ConfusionMatrix(categories, counts);
    }

    /// <summary>Tabulates a binary task: <c>true</c> is the positive class (code 1).</summary>
    public static ConfusionMatrix OfBinary(ReadOnlySpan<bool> reference, ReadOnlySpan<bool> predicted)
    {
        if (reference.Length != predicted.Length)
        {
            throw new ArgumentException($"There are {reference.Length} reference labels and {predicted.Length} predictions; pass one of each per item.", nameof(predicted));
        }

        var counts = new long[4];
        for (int i = 0; i < reference.Length; i++)
        {
            counts[((reference[i] ? 1 : 0) * 2) + (predicted[i] ? 1 : 0)]++;
        }

        return new ConfusionMatrix(2, counts);
    }

    /// <summary>Items of category <paramref name="positive"/> predicted as such.</summary>
    public long TruePositives(int positive = 1) => this[positive, positive];

    /// <summary>Items predicted as <paramref name="positive"/> whose reference is another category.</summary>
    public long FalsePositives(int positive = 1) => Column(positive) - this[positive, positive];

    /// <summary>Items of category <paramref name="positive"/> predicted as another.</summary>
    public long FalseNegatives(int positive = 1) => Row(positive) - this[positive, positive];

    /// <summary>TP / (TP + FP); NaN when nothing was predicted positive.</summary>
    public double Precision(int positive = 1) => Ratio(TruePositives(positive), Column(positive));

    /// <summary>TP / (TP + FN); NaN when the reference has no positive.</summary>
    public double Recall(int positive = 1) => Ratio(TruePositives(positive), Row(positive));

    /// <summary>2TP / (2TP + FP + FN), the harmonic mean of precision and recall; NaN when TP + FP + FN = 0.</summary>
    public double F1(int positive = 1)
    {
        long tp = TruePositives(positive);
        return Ratio(2 * tp, (2 * tp) + FalsePositives(positive) + FalseNegatives(positive));
    }

    /// <summary>The share of items on the diagonal; NaN when empty.</summary>
    public double Accuracy()
    {
        long diagonal = 0;
        for (int c = 0; c < Categories; c++)
        {
            diagonal += this[c, c];
        }

        return Ratio(diagonal, Total);
    }

    private long Row(int category)
    {
        long sum = 0;
        for (int j = 0; j < Categories; j++)
        {
            sum += this[category, j];
        }

        return sum;
    }

    private long Column(int category)
    {
        long sum = 0;
        for (int i = 0; i < Categories; i++)
        {
            sum += this[i, category];
        }

        return sum;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : numerator / (double)denominator;
}
