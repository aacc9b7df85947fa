namespace AvEval.Golden;

/// <summary>
/// The proportion of items on which evaluator and reference agree, with the Wilson score 95% interval
/// (Wilson 1927; z = 1.959964). A stand-in until the statistics of <c>AvEval.Statistics</c> (Cohen's kappa with a
/// bootstrap interval) are wired in; its name is <c>observed_agreement</c>.
/// </summary>
public sealed class ObservedAgreement : IAgreementStatistic
{
    private const double Z = 1.959963984540054;

    /// <inheritdoc/>
    public string Name => "observed_agreement";

    /// <inheritdoc/>
    public AgreementEstimate Estimate(IReadOnlyList<int> evaluator, IReadOnlyList<int> reference, int categories)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(reference);
        if (evaluator.Count != reference.Count || evaluator.Count == 0)
        {
            throw new ArgumentException($"Agreement needs paired, non-empty labels; got {evaluator.Count} and {reference.Count}.", nameof(reference));
        }

        int n = evaluator.Count, agree = 0;
        for (int i = 0; i < n; i++)
        {
            agree += evaluator[i] == reference[i] ? 1 : 0;
        }

        double p = (double)agree / n, z2 = Z * Z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return new AgreementEstimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
