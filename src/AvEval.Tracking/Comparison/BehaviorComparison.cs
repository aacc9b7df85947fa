using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// One behaviour's paired comparison over its non-flaky pairs: pass rates with Wilson intervals, the transitions, the
/// exact McNemar p-value and its Holm and Benjamini–Hochberg adjustments across behaviours, the pass-rate change with
/// Newcombe's paired interval, and the metric changes.
/// </summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Pairs">Paired, non-flaky scenarios.</param>
/// <param name="Flaky">Paired scenarios left out as flaky.</param>
/// <param name="BaselinePasses">Pairs the baseline passed.</param>
/// <param name="CandidatePasses">Pairs the candidate passed.</param>
/// <param name="BaselineRate">The baseline's pass rate, Wilson interval (null without pairs).</param>
/// <param name="CandidateRate">The candidate's pass rate, Wilson interval (null without pairs).</param>
/// <param name="PassToFail">New failures (McNemar's b).</param>
/// <param name="FailToPass">Fixes (McNemar's c).</param>
/// <param name="StillPassing">Pairs passing on both sides.</param>
/// <param name="StillFailing">Pairs failing on both sides.</param>
/// <param name="McNemarP">The exact two-sided McNemar p-value (1 without discordant pairs).</param>
/// <param name="PHolm">Holm-adjusted p across the behaviours with discordant pairs (1 for a behaviour without).</param>
/// <param name="QBh">Benjamini–Hochberg q across the same family.</param>
/// <param name="Change">Candidate pass rate − baseline pass rate (NaN without pairs).</param>
/// <param name="ChangeInterval">Newcombe's paired score interval for <paramref name="Change"/> at the comparison's level (null without pairs).</param>
/// <param name="Metrics">Changes of the metrics the behaviour's expectations assert on, by name.</param>
public sealed record BehaviorComparison(
    string Behavior,
    int Pairs,
    int Flaky,
    int BaselinePasses,
    int CandidatePasses,
    ConfidenceInterval? BaselineRate,
    ConfidenceInterval? CandidateRate,
    int PassToFail,
    int FailToPass,
    int StillPassing,
    int StillFailing,
    double McNemarP,
    double PHolm,
    double QBh,
    double Change,
    ConfidenceInterval? ChangeInterval,
    IReadOnlyList<MetricChange> Metrics)
{
    /// <summary>The one-sided upper confidence bound of the pass-rate change at level 1 − <paramref name="alpha"/> (Newcombe's upper limit at two-sided level 1 − 2α); NaN without pairs.</summary>
    public double UpperBound(double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(alpha, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(alpha, 0.5);
        return Pairs == 0 ? double.NaN : PairedProportionDifference.Compute(StillPassing, PassToFail, FailToPass, StillFailing, 1 - (2 * alpha)).Upper;
    }
}
