namespace AvEval.Statistics;

/// <summary>
/// McNemar's test for paired binary outcomes in its exact form (McNemar 1947, Psychometrika 12:153–157; exact
/// version as in Agresti 2013, Categorical Data Analysis §11.1.4): conditional on the n = b + c discordant pairs, the
/// count b is Binomial(n, ½) under the null hypothesis of equal marginal rates, and the two-sided p-value is
/// min(1, 2·P(X ≤ min(b, c))) — equal to SciPy's <c>binomtest(b, b + c, 0.5).pvalue</c>, the binomial being symmetric.
/// </summary>
public static class McNemarTest
{
    /// <summary>The exact two-sided p-value for <paramref name="passToFail"/> and <paramref name="failToPass"/> discordant pairs; 1 when there are none.</summary>
    /// <param name="passToFail">Pairs that passed in the first run and failed in the second (b).</param>
    /// <param name="failToPass">Pairs that failed in the first run and passed in the second (c).</param>
    public static double ExactPValue(int passToFail, int failToPass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passToFail);
        ArgumentOutOfRangeException.ThrowIfNegative(failToPass);
        int n = passToFail + failToPass;
        if (n == 0)
        {
            return 1;
        }

        int k = Math.Min(passToFail, failToPass);
        if (2 * k == n)
        {
            return 1;
        }

        // log C(n, i) by the recurrence C(n, i+1) = C(n, i)(n − i)/(i + 1); the terms grow up to i = k < n/2, so the
        // sum is scaled by the largest one and no term underflows before the tail itself does.
        var logTerms = new double[k + 1];
        for (int i = 0; i < k; i++)
        {
            logTerms[i + 1] = logTerms[i] + Math.Log(n - i) - Math.Log(i + 1);
        }

        double largest = logTerms[k];
        double sum = 0;
        for (int i = 0; i <= k; i++)
        {
            sum += Math.Exp(logTerms[i] - largest);
        }

        double tail = Math.Exp(largest + Math.Log(sum) - (n * Math.Log(2)));
        return Math.Min(1, 2 * tail);
    }
}
