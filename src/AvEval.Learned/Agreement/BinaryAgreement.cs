namespace AvEval.Learned.Agreement;

/// <summary>
/// Agreement of a learned detector with the rule it replaces, from the 2×2 table of (learned, rule) labels:
/// precision and recall taking the rule as reference, and Cohen's kappa (Cohen 1960),
/// κ = (p_o − p_e) / (1 − p_e) with p_o the observed agreement and p_e the agreement expected from the marginals.
/// </summary>
/// <param name="BothPositive">Learned and rule positive.</param>
/// <param name="LearnedOnly">Learned positive, rule negative.</param>
/// <param name="RuleOnly">Learned negative, rule positive.</param>
/// <param name="BothNegative">Both negative.</param>
public readonly record struct BinaryAgreement(int BothPositive, int LearnedOnly, int RuleOnly, int BothNegative)
{
    /// <summary>All items.</summary>
    public int Total => BothPositive + LearnedOnly + RuleOnly + BothNegative;

    /// <summary>TP / (TP + FP); NaN with no learned positive.</summary>
    public double Precision => BothPositive + LearnedOnly == 0 ? double.NaN : (double)BothPositive / (BothPositive + LearnedOnly);

    /// <summary>TP / (TP + FN); NaN with no rule positive.</summary>
    public double Recall => BothPositive + RuleOnly == 0 ? double.NaN : (double)BothPositive / (BothPositive + RuleOnly);

    /// <summary>Cohen's kappa; NaN when p_e = 1 (both raters constant and equal).</summary>
    public double Kappa
    {
        get
        {
            double n = Total;
            if (n == 0)
            {
                return double.NaN;
            }

            double observed = (BothPositive + BothNegative) / n;
            double learnedPositive = (BothPositive + LearnedOnly) / n, rulePositive = (BothPositive + RuleOnly) / n;
            double expected = (learnedPositive * rulePositive) + ((1 - learnedPositive) * (1 - rulePositive));
            return expected >= 1 ? double.NaN : (observed - expected) / (1 - expected);
        }
    }

    /// <summary>Counts the table from paired labels.</summary>
    public static BinaryAgreement Of(IReadOnlyList<bool> learned, IReadOnlyList<bool> rule)
    {
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(rule);
        if (learned.Count != rule.Count)
        {
            throw new ArgumentException($"{learned.Count} learned labels but {rule.Count} rule labels.", nameof(rule));
        }

        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < learned.Count; i++)
        {
            switch ((learned[i], rule[i]))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }

        return new BinaryAgreement(tp, fp, fn, tn);
    }
}
