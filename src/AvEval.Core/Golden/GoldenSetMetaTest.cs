using System.Globalization;

namespace AvEval.Golden;

/// <summary>
/// Checks an evaluator (item → label) against a golden set: agreement with the adjudicated labels (or one rater's), and
/// certification when the lower 95% bound reaches the manifest's threshold for the behaviour with the statistic the
/// manifest names. A rater of the set is checked only against the labels of the other raters
/// (<see cref="RunLeaveOneRaterOut"/>): against labels it helped adjudicate it would agree by construction. Every result
/// says what kind of labels it rests on (<see cref="ReferenceLabels"/>: human, rule-derived, model). Probability outputs
/// are thresholded by the caller; calibration is checked where the statistics are.
/// </summary>
public static class GoldenSetMetaTest
{
    /// <summary>Runs the check against the adjudicated labels of every rater, or against one rater's labels.</summary>
    /// <param name="set">The golden set.</param>
    /// <param name="behaviour">The behaviour (a <see cref="CertificationThreshold.Behaviour"/> of the manifest).</param>
    /// <param name="evaluator">The evaluator's label of an item, on the set's scale. Not one of the set's raters: check those with <see cref="RunLeaveOneRaterOut"/>.</param>
    /// <param name="statistic">The agreement statistic.</param>
    /// <param name="referenceRater">Compare with this rater's labels instead of the adjudicated ones; null for adjudicated.</param>
    public static MetaTestResult Run(GoldenSet set, string behaviour, Func<GoldenItem, string> evaluator, IAgreementStatistic statistic, string? referenceRater = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(statistic);
        var threshold = Threshold(set, behaviour);
        if (referenceRater is null)
        {
            var adjudicated = set.Adjudicate().Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal);
            return Compare(set, behaviour, threshold, evaluator, statistic, adjudicated, $"adjudicated ({set.Manifest.Adjudication})", ReferenceLabels.Of(set, set.Raters.Select(r => r.Rater)));
        }

        return Compare(set, behaviour, threshold, evaluator, statistic, LabelsOf(set, referenceRater), referenceRater, ReferenceLabels.Of(set, [referenceRater]));
    }

    /// <summary>
    /// Checks a rater of the set (a rule, model or person whose labels are in it) against the labels of the other raters
    /// only (leave-one-rater-out): the rater is dropped and the others are adjudicated with the set's rule (if the set's
    /// adjudicator is the rater, the others' majority decides); with one other rater, that rater's labels are the
    /// reference; with none, the result is a refusal that says so.
    /// </summary>
    /// <param name="set">The golden set.</param>
    /// <param name="behaviour">The behaviour (a <see cref="CertificationThreshold.Behaviour"/> of the manifest).</param>
    /// <param name="rater">The rater under test: a rater id of the set.</param>
    /// <param name="evaluator">The rater's label of an item (re-computed, e.g. by re-running the rule), on the set's scale.</param>
    /// <param name="statistic">The agreement statistic.</param>
    /// <exception cref="ArgumentException"><paramref name="rater"/> gave no label in the set, or the manifest has no threshold for the behaviour.</exception>
    public static MetaTestResult RunLeaveOneRaterOut(GoldenSet set, string behaviour, string rater, Func<GoldenItem, string> evaluator, IAgreementStatistic statistic)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(statistic);
        var threshold = Threshold(set, behaviour);
        if (!set.Raters.Any(r => r.Rater == rater))
        {
            throw new ArgumentException($"'{rater}' is not a rater of golden set '{set.Manifest.Name}' (raters: {string.Join(", ", set.Raters.Select(r => $"'{r.Rater}'").Distinct(StringComparer.Ordinal))}); check an evaluator that did not label the set with Run.", nameof(rater));
        }

        var others = set.Raters.Select(r => r.Rater).Where(r => r != rater).Distinct(StringComparer.Ordinal).ToList();
        var labels = ReferenceLabels.Of(set, others);
        if (others.Count == 0)
        {
            var none = new AgreementEstimate(double.NaN, double.NaN, double.NaN);
            string why = $"refused: '{rater}' is the only rater of golden set '{set.Manifest.Name}', so no labels independent of it remain to check it against (leave-one-rater-out); add labels from another rater, ideally people";
            return new MetaTestResult(set.Manifest.Name, set.Manifest.Version, behaviour, "none (leave-one-rater-out)", statistic.Name, 0, set.Items.Count, none, threshold, false, why, labels);
        }

        if (others.Count == 1)
        {
            return Compare(set, behaviour, threshold, evaluator, statistic, LabelsOf(set, others[0]), $"rater '{others[0]}' (leave-one-rater-out: '{rater}' left out)", labels);
        }

        var rule = AdjudicationRule.TryParse(set.Manifest.Adjudication) ?? throw new ArgumentException($"Golden set '{set.Manifest.Name}' has adjudication '{set.Manifest.Adjudication}', which is neither 'majority' nor 'adjudicator:<rater>'; fix its manifest.", nameof(set));
        var adjudicated = Adjudicator.Adjudicate(set.Items.Select(i => i.Id), set.Labels.Where(l => l.Rater != rater), rule).Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal);
        return Compare(set, behaviour, threshold, evaluator, statistic, adjudicated, $"adjudicated ({rule}) of the other raters (leave-one-rater-out: '{rater}' left out)", labels);
    }

    private static CertificationThreshold Threshold(GoldenSet set, string behaviour) =>
        set.ThresholdFor(behaviour) ?? throw new ArgumentException($"Golden set '{set.Manifest.Name}' has no certification threshold for behaviour '{behaviour}'; add one to its manifest.", nameof(behaviour));

    private static Dictionary<string, string?> LabelsOf(GoldenSet set, string rater) =>
        set.Labels.Where(l => l.Rater == rater).ToDictionary(l => l.Item, l => (string?)l.Label, StringComparer.Ordinal);

    private static MetaTestResult Compare(GoldenSet set, string behaviour, CertificationThreshold threshold, Func<GoldenItem, string> evaluator, IAgreementStatistic statistic, Dictionary<string, string?> reference, string name, ReferenceLabels labels)
    {
        var scale = set.Manifest.Scale;
        if (scale.Kind == ScaleKind.Interval)
        {
            // Agreement statistics take category indices; truncating interval values to integers would be meaningless.
            throw new ArgumentException($"Golden set '{set.Manifest.Name}' has an interval scale ({scale.Describe()}); the meta-test compares category labels, so give the set a binary or ordinal scale.", nameof(set));
        }

        var predicted = new List<int>();
        var truth = new List<int>();
        int excluded = 0;
        foreach (var item in set.Items)
        {
            if (!reference.TryGetValue(item.Id, out var label) || label is null)
            {
                excluded++;
                continue;
            }

            string output = evaluator(item);
            if (!scale.Contains(output))
            {
                throw new InvalidOperationException($"The evaluator labelled item '{item.Id}' '{output}', which is not {scale.Describe()}.");
            }

            predicted.Add((int)scale.ToNumber(output));
            truth.Add((int)scale.ToNumber(label));
        }

        if (predicted.Count == 0)
        {
            throw new ArgumentException($"Golden set '{set.Manifest.Name}' has no item with a {name} label to compare with; label the items or choose another reference rater.", nameof(set));
        }

        var estimate = statistic.Estimate(predicted, truth, scale.Levels.Count);
        bool sameStatistic = statistic.Name == threshold.Statistic;
        bool defined = double.IsFinite(estimate.Value) && double.IsFinite(estimate.Lower95);
        bool certified = sameStatistic && defined && estimate.Lower95 >= threshold.MinAgreementLower95;
        string verdict = !sameStatistic
            ? $"not certified: the manifest certifies on '{threshold.Statistic}' but the check used '{statistic.Name}' ({F(estimate.Value)}, 95% [{F(estimate.Lower95)}, {F(estimate.Upper95)}])"
            : !defined
                ? $"refused: {statistic.Name} is undefined on these {predicted.Count} items (value {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)}), as kappa is when evaluator and reference use a single category between them; add items of the other categories to the set"
                : certified
                ? $"certified: {statistic.Name} {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)} >= {F(threshold.MinAgreementLower95)}"
                : $"refused: {statistic.Name} {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)} < {F(threshold.MinAgreementLower95)}";
        return new MetaTestResult(set.Manifest.Name, set.Manifest.Version, behaviour, name, statistic.Name, predicted.Count, excluded, estimate, threshold, certified, $"{verdict}; {labels.Against(name)}", labels);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
