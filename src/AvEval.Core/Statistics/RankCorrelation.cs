namespace AvEval.Statistics;

/// <summary>
/// Rank correlations: Spearman's ρ as the Pearson correlation of tie-averaged ranks (SciPy spearmanr), and Kendall's
/// τ-b = (n_c − n_d)/√((n₀ − n₁)(n₀ − n₂)) with n₁, n₂ the pairs tied in x and in y (Kendall 1945; SciPy kendalltau's
/// default). Kendall's τ-b is computed over all pairs, O(n²). NaN when either variable is constant.
/// </summary>
public static class RankCorrelation
{
    /// <summary>Spearman's rank correlation coefficient.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        return Pearson(Ranks.Average(x), Ranks.Average(y));
    }

    /// <summary>Kendall's tau-b.</summary>
    public static double KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        CheckComparable(x, nameof(x));
        CheckComparable(y, nameof(y));
        long concordantMinusDiscordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        long pairs = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                // CompareTo, not the sign of a difference: ∞ − ∞ is NaN.
                int sx = x[i].CompareTo(x[j]);
                int sy = y[i].CompareTo(y[j]);
                pairs++;
                tiedX += sx == 0 ? 1 : 0;
                tiedY += sy == 0 ? 1 : 0;
                concordantMinusDiscordant += sx * sy;
            }
        }

        double denominator = Math.Sqrt((pairs - tiedX) * (double)(pairs - tiedY));
        return denominator == 0 ? double.NaN : concordantMinusDiscordant / denominator;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double meanX = x.Average();
        double meanY = y.Average();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static void CheckComparable(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is NaN; ranks need comparable values.", name);
            }
        }
    }

    private static void CheckLengths(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values and y has {y.Length}; pass one pair per item.", nameof(y));
        }

        if (x.Length < 2)
        {
            throw new ArgumentException($"A rank correlation needs at least 2 pairs; got {x.Length}.", nameof(x));
        }
    }
}
