namespace AvEval.Statistics;

/// <summary>
/// A confidence interval for the difference θ = p₂ − p₁ of two proportions measured on the same items (paired
/// binary outcomes): Newcombe's hybrid score interval for paired data, method 10 of Newcombe 1998 ("Improved
/// confidence intervals for the difference between binomial proportions based on paired data", Statistics in
/// Medicine 17:2635–2650). With Wilson limits (l₁, u₁) for p₁ and (l₂, u₂) for p₂ and the φ correlation of the 2×2
/// table (corrected towards 0 by n/2 when positive, as Newcombe specifies), L = θ̂ − √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²)
/// and U = θ̂ + √((u₂ − p₂)² − 2φ(u₂ − p₂)(p₁ − l₁) + (p₁ − l₁)²).
/// </summary>
public static class PairedProportionDifference
{
    /// <summary>The interval for p₂ − p₁ at a two-sided level.</summary>
    /// <param name="bothPass">Items that passed in both (Newcombe's e).</param>
    /// <param name="firstOnly">Items that passed in the first only (f: pass → fail).</param>
    /// <param name="secondOnly">Items that passed in the second only (g: fail → pass).</param>
    /// <param name="neither">Items that passed in neither (h).</param>
    /// <param name="level">Two-sided coverage; a one-sided bound at 1 − α is the matching limit at level 1 − 2α.</param>
    public static ConfidenceInterval Compute(int bothPass, int firstOnly, int secondOnly, int neither, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bothPass);
        ArgumentOutOfRangeException.ThrowIfNegative(firstOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(secondOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(neither);
        int n = bothPass + firstOnly + secondOnly + neither;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, "items");

        int first = bothPass + firstOnly;
        int second = bothPass + secondOnly;
        double p1 = (double)first / n;
        double p2 = (double)second / n;
        var w1 = WilsonInterval.Compute(first, n, level);
        var w2 = WilsonInterval.Compute(second, n, level);

        double e = bothPass;
        double f = firstOnly;
        double g = secondOnly;
        double h = neither;
        double denominator = Math.Sqrt((e + f) * (g + h) * (e + g) * (f + h));
        double numerator = (e * h) - (f * g);
        double phi = denominator == 0 ? 0 : (numerator > 0 ? Math.Max(numerator - (n / 2.0), 0) : numerator) / denominator;

        double theta = p2 - p1;
        double dl2 = p2 - w2.Lower;
        double du2 = w2.Upper - p2;
        double dl1 = p1 - w1.Lower;
        double du1 = w1.Upper - p1;
        double lower = theta - Math.Sqrt(Math.Max(0, (dl2 * dl2) - (2 * phi * dl2 * du1) + (du1 * du1)));
        double upper = theta + Math.Sqrt(Math.Max(0, (du2 * du2) - (2 * phi * du2 * dl1) + (dl1 * dl1)));
        return new ConfidenceInterval(Math.Max(-1, lower), Math.Min(1, upper), level, "newcombe-paired-score");
    }
}
