using System.Globalization;
using AvEval.Errors;
using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>Judges a comparison by a <see cref="GatePolicy"/>: the rule is on <see cref="GatePolicy"/>.</summary>
public static class ReleaseGate
{
    /// <summary>The comparison options a policy implies (its flakiness threshold; a level of 1 − α for the reported intervals is not implied: they stay 95%).</summary>
    public static ComparisonOptions OptionsFor(GatePolicy policy, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return (options ?? new ComparisonOptions()) with { FlakyThreshold = policy.FlakyThreshold };
    }

    /// <summary>Decides.</summary>
    /// <exception cref="ComparisonException">A blocking behaviour has no paired, non-flaky case: the data cannot decide it.</exception>
    public static GateDecision Decide(Comparison comparison, GatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(policy);
        var c = CultureInfo.InvariantCulture;
        double alpha = policy.SignificanceLevel;
        var verdicts = new List<BehaviorVerdict>(policy.Blocking.Count);
        foreach (var blocking in policy.Blocking)
        {
            var b = comparison.Behaviors.FirstOrDefault(x => x.Behavior == blocking.Behavior);
            if (b is null || b.Pairs == 0)
            {
                throw ComparisonException.BlockingBehaviorMissing(policy.File, blocking.Behavior);
            }

            double p = policy.Correction switch
            {
                MultipleTestingCorrection.Holm => b.PHolm,
                MultipleTestingCorrection.BenjaminiHochberg => b.QBh,
                _ => b.McNemarP,
            };
            double upper = b.UpperBound(alpha);
            bool worse = b.PassToFail > b.FailToPass;
            bool significant = p < alpha;
            bool beyondMargin = upper < -blocking.Margin;
            bool regressed = worse && significant && beyondMargin;
            string pText = string.Create(c, $"{Name(policy.Correction)} p = {ComparisonTextWriter.P(p)}");
            string bound = string.Create(c, $"upper {(100 * (1 - alpha)).ToString("0.#", c)}% bound of the change {ComparisonTextWriter.Points(upper)}");
            string margin = string.Create(c, $"margin −{(100 * blocking.Margin).ToString("0.#", c)} pp");
            string reason = regressed
                ? string.Create(c, $"regressed: {b.PassToFail} new failure(s) vs {b.FailToPass} fix(es), {pText} < {alpha}, {bound} < {margin}")
                : !worse
                    ? string.Create(c, $"no regression: {b.PassToFail} new failure(s) vs {b.FailToPass} fix(es)")
                    : !significant
                        ? string.Create(c, $"no regression shown: {b.PassToFail} new failure(s) vs {b.FailToPass} fix(es), but {pText} is not below {alpha}")
                        : string.Create(c, $"within the margin: {pText} < {alpha}, but {bound} is not below {margin}");
            verdicts.Add(new BehaviorVerdict(b, blocking.Margin, p, upper, regressed, reason));
        }

        return new GateDecision(policy, comparison, verdicts);
    }

    /// <summary>The correction's name as the policy file spells it.</summary>
    public static string Name(MultipleTestingCorrection correction) => correction switch
    {
        MultipleTestingCorrection.Holm => "holm",
        MultipleTestingCorrection.BenjaminiHochberg => "bh",
        _ => "none",
    };
}
