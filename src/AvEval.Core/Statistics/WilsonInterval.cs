namespace AvEval.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of succession, and
/// statistical inference", JASA 22:209–212; method 3 in Newcombe 1998, Statistics in Medicine 17:857–872), without
/// continuity correction: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
/// </summary>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/> at the given two-sided level.</summary>
    public static ConfidenceInterval Compute(int successes, int trials, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1);

        double z = NormalDistribution.Quantile(1 - ((1 - level) / 2));
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + (z2 / (2 * n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        double denominator = 1 + (z2 / n);
        // At 0 or n successes the bound is exactly 0 or 1; rounding would otherwise leave ±1e-17.
        double lower = successes == 0 ? 0 : (centre - half) / denominator;
        double upper = successes == trials ? 1 : (centre + half) / denominator;
        return new ConfidenceInterval(lower, upper, level, "wilson");
    }
}
