namespace AvEval.Golden;

/// <summary>
/// An agreement coefficient between an evaluator's labels and reference labels, with a 95% interval. Labels are category
/// indices on the golden set's scale.
/// </summary>
public interface IAgreementStatistic
{
    /// <summary>The name a manifest's <see cref="CertificationThreshold.Statistic"/> uses, e.g. <c>cohen_kappa</c>.</summary>
    string Name { get; }

    /// <summary>The coefficient and its 95% interval over paired labels.</summary>
    /// <param name="evaluator">The evaluator's category per item.</param>
    /// <param name="reference">The reference category per item (same length).</param>
    /// <param name="categories">Number of categories on the scale.</param>
    AgreementEstimate Estimate(IReadOnlyList<int> evaluator, IReadOnlyList<int> reference, int categories);
}
