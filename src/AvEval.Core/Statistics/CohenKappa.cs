namespace AvEval.Statistics;

/// <summary>
/// Cohen's kappa for two raters: κ = 1 − Σ vᵢⱼ oᵢⱼ / Σ vᵢⱼ eᵢⱼ, with o the observed joint proportions, e the product of
/// the two raters' marginals and v the disagreement weights of <see cref="KappaWeighting"/>. Unweighted this is
/// (pₒ − pₑ)/(1 − pₑ) (Cohen 1960, "A coefficient of agreement for nominal scales", Educ. Psychol. Meas. 20:37–46);
/// weighted it is Cohen 1968 ("Weighted kappa", Psychol. Bull. 70:213–220), the same as scikit-learn's cohen_kappa_score.
/// Undefined (NaN) when the expected disagreement is zero, e.g. both raters always use one category.
/// </summary>
public static class CohenKappa
{
    /// <summary>Kappa from a k × k table of counts: rows the first rater's category, columns the second's.</summary>
    public static double FromTable(IReadOnlyList<IReadOnlyList<double>> counts, KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.Count;
        var flat = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            if (counts[i].Count != k)
            {
                throw new ArgumentException($"Row {i} has {counts[i].Count} columns; a kappa table is square ({k} × {k}).", nameof(counts));
            }

            for (int j = 0; j < k; j++)
            {
                flat[(i * k) + j] = counts[i][j];
            }
        }

        return FromFlatTable(flat, k, weighting);
    }

    /// <summary>Kappa of two raters' category codes (0..<paramref name="categories"/>−1), one pair per item.</summary>
    public static double Compute(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int categories, KappaWeighting weighting = KappaWeighting.None)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"The raters label {first.Length} and {second.Length} items; kappa needs one pair per item.", nameof(second));
        }

        return TabulateCore(first, second, categories, weighting, default, indexed: false);
    }

    /// <summary>
    /// Kappa over the items listed in <paramref name="items"/> (indices into the label arrays, repeats allowed): the
    /// statistic of one bootstrap resample, computed without allocating when k² ≤ 256.
    /// </summary>
    public static double Compute(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int categories, KappaWeighting weighting, ReadOnlySpan<int> items)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"The raters label {first.Length} and {second.Length} items; kappa needs one pair per item.", nameof(second));
        }

        return TabulateCore(first, second, categories, weighting, items, indexed: true);
    }

    private static double TabulateCore(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int categories, KappaWeighting weighting, ReadOnlySpan<int> items, bool indexed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 1);
        int cells = categories * categories;
        Span<double> table = cells <= 256 ? stackalloc double[cells] : new double[cells];
        table.Clear();
        if (indexed)
        {
            foreach (int item in items)
            {
                table[(Check(first[item], categories) * categories) + Check(second[item], categories)]++;
            }
        }
        else
        {
            for (int item = 0; item < first.Length; item++)
            {
                table[(Check(first[item], categories) * categories) + Check(second[item], categories)]++;
            }
        }

        return FromFlatTable(table, categories, weighting);
    }

    private static int Check(int code, int categories) =>
        (uint)code < (uint)categories ? code : throw new ArgumentOutOfRangeException(nameof(code), code, $"A category code must lie in 0..{categories - 1}.");

    internal static double FromFlatTable(ReadOnlySpan<double> table, int k, KappaWeighting weighting)
    {
        Span<double> rows = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> columns = k <= 64 ? stackalloc double[k] : new double[k];
        rows.Clear();
        columns.Clear();
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double count = table[(i * k) + j];
                rows[i] += count;
                columns[j] += count;
                total += count;
            }
        }

        if (total <= 0)
        {
            return double.NaN;
        }

        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double weight = Weight(i, j, weighting);
                if (weight == 0)
                {
                    continue;
                }

                observed += weight * table[(i * k) + j] / total;
                expected += weight * rows[i] / total * columns[j] / total;
            }
        }

        return expected == 0 ? double.NaN : 1 - (observed / expected);
    }

    private static double Weight(int i, int j, KappaWeighting weighting) => weighting switch
    {
        KappaWeighting.None => i == j ? 0 : 1,
        KappaWeighting.Linear => Math.Abs(i - j),
        KappaWeighting.Quadratic => (i - j) * (double)(i - j),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown kappa weighting."),
    };
}
