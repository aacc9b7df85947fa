using AvEval.Statistics;

namespace AvEval.Golden;

/// <summary>
/// Unweighted Cohen's kappa between evaluator and reference (<see cref="CohenKappa"/>) with a seeded bootstrap 95%
/// interval over items (<see cref="Bootstrap"/>; BCa by default). Its name is <c>cohen_kappa</c>, the statistic the
/// shipped manifests certify on.
/// </summary>
/// <param name="options">Bootstrap settings; null for 2,000 BCa resamples with seed 0.</param>
public sealed class CohenKappaAgreement(BootstrapOptions? options = null) : IAgreementStatistic
{
    private readonly BootstrapOptions _options = options ?? new BootstrapOptions();

    /// <inheritdoc/>
    public string Name => "cohen_kappa";

    /// <inheritdoc/>
    public AgreementEstimate Estimate(IReadOnlyList<int> evaluator, IReadOnlyList<int> reference, int categories)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(reference);
        int[] a = [.. evaluator], b = [.. reference];
        var result = Bootstrap.Run(a.Length, items => CohenKappa.Compute(a, b, categories, KappaWeighting.None, items), _options);
        return new AgreementEstimate(result.Estimate, result.Interval.Lower, result.Interval.Upper);
    }
}
