namespace AvEval.Statistics;

/// <summary>
/// Fleiss' kappa for a fixed number n ≥ 2 of ratings per subject (Fleiss 1971, "Measuring nominal scale agreement among
/// many raters", Psychol. Bull. 76:378–382): Pᵢ = (Σⱼ nᵢⱼ² − n)/(n(n−1)), P̄ the mean of Pᵢ, pⱼ = Σᵢ nᵢⱼ/(Nn),
/// P̄ₑ = Σⱼ pⱼ², κ = (P̄ − P̄ₑ)/(1 − P̄ₑ). Undefined (NaN) when P̄ₑ = 1 (every rating in one category).
/// </summary>
public static class FleissKappa
{
    /// <summary>Kappa from per-subject category counts nᵢⱼ (one row per subject); every row must sum to the same n ≥ 2.</summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = new int[counts.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        return Compute(counts, rows);
    }

    /// <summary>Kappa over the subjects listed in <paramref name="subjects"/> (repeats allowed): one bootstrap resample.</summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<int>> counts, ReadOnlySpan<int> subjects)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (subjects.Length == 0)
        {
            return double.NaN;
        }

        int k = counts[subjects[0]].Count;
        int n = counts[subjects[0]].Sum();
        if (n < 2)
        {
            throw new ArgumentException($"Subject {subjects[0]} has {n} ratings; Fleiss' kappa needs at least 2 per subject.", nameof(counts));
        }

        Span<double> columnTotals = k <= 64 ? stackalloc double[k] : new double[k];
        columnTotals.Clear();
        double sumP = 0;
        foreach (int subject in subjects)
        {
            var row = counts[subject];
            if (row.Count != k)
            {
                throw new ArgumentException($"Subject {subject} has {row.Count} categories where the first has {k}.", nameof(counts));
            }

            double squares = 0;
            int total = 0;
            for (int j = 0; j < k; j++)
            {
                squares += row[j] * (double)row[j];
                total += row[j];
                columnTotals[j] += row[j];
            }

            if (total != n)
            {
                throw new ArgumentException($"Subject {subject} has {total} ratings where the first has {n}; Fleiss' kappa needs the same number for every subject.", nameof(counts));
            }

            sumP += (squares - n) / (n * (n - 1.0));
        }

        double subjectsCount = subjects.Length;
        double pBar = sumP / subjectsCount;
        double pe = 0;
        for (int j = 0; j < k; j++)
        {
            double p = columnTotals[j] / (subjectsCount * n);
            pe += p * p;
        }

        return pe >= 1 ? double.NaN : (pBar - pe) / (1 - pe);
    }
}
