using AvEval.Statistics;

namespace AvEval.Golden;

/// <summary>
/// The proportion of items on which evaluator and reference agree, with the Wilson score 95% interval
/// (<see cref="WilsonInterval"/>). Unlike <see cref="CohenKappaAgreement"/> it does not correct for chance agreement;
/// its name is <c>observed_agreement</c>.
/// </summary>
public sealed class ObservedAgreement : IAgreementStatistic
{
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

        var interval = WilsonInterval.Compute(agree, n);
        return new AgreementEstimate((double)agree / n, interval.Lower, interval.Upper);
    }
}
