namespace AvEval.Statistics;

/// <summary>
/// Adjusted p-values for a family of m tests, as R's <c>p.adjust</c> computes them (R Core, stats::p.adjust), in the
/// order the p-values were given. Holm: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1) p₍ⱼ₎). Benjamini–Hochberg:
/// q₍ᵢ₎ = minⱼ≥ᵢ min(1, m p₍ⱼ₎ / j). A test is rejected at level α when its adjusted value is below α.
/// </summary>
public static class MultipleTesting
{
    /// <summary>Adjusts <paramref name="pValues"/> by <paramref name="correction"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues, MultipleTestingCorrection correction) => correction switch
    {
        MultipleTestingCorrection.None => Check(pValues).ToArray(),
        MultipleTestingCorrection.Holm => Holm(pValues),
        MultipleTestingCorrection.BenjaminiHochberg => BenjaminiHochberg(pValues),
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction."),
    };

    /// <summary>Holm's step-down adjusted p-values (R: <c>p.adjust(p, "holm")</c>).</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        int m = Check(pValues).Count;
        var order = Order(pValues);
        var adjusted = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1, (m - i) * pValues[order[i]]));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up adjusted p-values, the q-values of the false-discovery rate (R: <c>p.adjust(p, "BH")</c>).</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        int m = Check(pValues).Count;
        var order = Order(pValues);
        var adjusted = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--)
        {
            running = Math.Min(running, Math.Min(1, m * pValues[order[i]] / (i + 1)));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }

    private static IReadOnlyList<double> Check(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        foreach (double p in pValues)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "Every p-value must lie in [0, 1].");
            }
        }

        return pValues;
    }

    /// <summary>Indices by ascending p-value; ties keep their given order (a stable sort, as R's <c>order</c>).</summary>
    private static int[] Order(IReadOnlyList<double> pValues) =>
        [.. Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i])];
}
