using System.Globalization;

namespace AvEval.Golden;

/// <summary>
/// Checks an evaluator (item → label) against a golden set: agreement with the adjudicated labels (or one rater's), and
/// certification when the lower 95% bound reaches the manifest's threshold for the behaviour with the statistic the
/// manifest names. Probability outputs are thresholded by the caller; calibration is checked where the statistics are.
/// </summary>
public static class GoldenSetMetaTest
{
    /// <summary>Runs the check.</summary>
    /// <param name="set">The golden set.</param>
    /// <param name="behaviour">The behaviour (a <see cref="CertificationThreshold.Behaviour"/> of the manifest).</param>
    /// <param name="evaluator">The evaluator's label of an item, on the set's scale.</param>
    /// <param name="statistic">The agreement statistic.</param>
    /// <param name="referenceRater">Compare with this rater's labels instead of the adjudicated ones; null for adjudicated.</param>
    public static MetaTestResult Run(GoldenSet set, string behaviour, Func<GoldenItem, string> evaluator, IAgreementStatistic statistic, string? referenceRater = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(statistic);
        var threshold = set.ThresholdFor(behaviour) ?? throw new ArgumentException($"Golden set '{set.Manifest.Name}' has no certification threshold for behaviour '{behaviour}'; add one to its manifest.", nameof(behaviour));
        var reference = referenceRater is null
            ? set.Adjudicate().Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal)
            : set.Labels.Where(l => l.Rater == referenceRater).ToDictionary(l => l.Item, l => (string?)l.Label, StringComparer.Ordinal);
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

        string name = referenceRater ?? $"adjudicated ({set.Manifest.Adjudication})";
        if (predicted.Count == 0)
        {
            throw new ArgumentException($"Golden set '{set.Manifest.Name}' has no item with a {name} label to compare with; label the items or choose another reference rater.", nameof(referenceRater));
        }

        var estimate = statistic.Estimate(predicted, truth, scale.Levels.Count);
        bool sameStatistic = statistic.Name == threshold.Statistic;
        bool defined = double.IsFinite(estimate.Value) && double.IsFinite(estimate.Lower95);
        bool certified = sameStatistic && defined && estimate.Lower95 >= threshold.MinAgreementLower95;
        string message = !sameStatistic
            ? $"not certified: the manifest certifies on '{threshold.Statistic}' but the check used '{statistic.Name}' ({F(estimate.Value)}, 95% [{F(estimate.Lower95)}, {F(estimate.Upper95)}])"
            : !defined
                ? $"refused: {statistic.Name} is undefined on these {predicted.Count} items (value {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)}), as kappa is when evaluator and reference use a single category between them; add items of the other categories to the set"
                : certified
                ? $"certified: {statistic.Name} {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)} >= {F(threshold.MinAgreementLower95)}"
                : $"refused: {statistic.Name} {F(estimate.Value)}, lower 95% bound {F(estimate.Lower95)} < {F(threshold.MinAgreementLower95)}";
        return new MetaTestResult(set.Manifest.Name, set.Manifest.Version, behaviour, name, statistic.Name, predicted.Count, excluded, estimate, threshold, certified, message);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
