using System.Globalization;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Registry;
using AvEval.Statistics;

namespace AvEval.Learned.Certification;

/// <summary>
/// Certifies an evaluator version for a behaviour against a golden set (issue 5, part 3): certified when the lower 95%
/// bound of Cohen's kappa between its labels (window probability ≥ 0.5 → <c>1</c>) and the adjudicated labels of every
/// rater (a learned evaluator is not a rater of the set, so nothing is left out; the result records what kind of labels
/// those are, <see cref="ModelCertification.LabelBasis"/>) reaches
/// the manifest's <see cref="CertificationThreshold.MinAgreementLower95"/> (<see cref="GoldenSetMetaTest"/> with
/// <see cref="CohenKappaAgreement"/>), and the expected calibration error of its window probability against the
/// adjudicated label (<see cref="CalibrationBins"/> equal-width bins, Guo et al. 2017) is under
/// <see cref="CertificationThreshold.MaxCalibrationError"/>. Unresolved (tied) items are left out and counted. Intervals
/// are seeded bootstraps over items (BCa, 2,000 resamples, seed 0 unless given), so the result is reproducible.
/// </summary>
public static class EvaluatorCertifier
{
    /// <summary>Equal-width bins of the ECE.</summary>
    public const int CalibrationBins = 15;

    /// <summary>The probability at or above which an item is labelled <c>1</c>.</summary>
    public const double Threshold = 0.5;

    /// <summary>The bootstrap used unless another is given: 2,000 BCa resamples of items, seed 0.</summary>
    public static BootstrapOptions DefaultBootstrap { get; } = new(2000, 0, 0.95, BootstrapMethod.Bca);

    /// <summary>Computes the certification.</summary>
    /// <param name="manifestFile">The set's manifest (named in errors).</param>
    /// <param name="set">The golden set.</param>
    /// <param name="behaviour">The behaviour, e.g. <c>hard_braking</c>; the manifest must have a threshold for it.</param>
    /// <param name="scored">Every item with the evaluator's probability (<see cref="GoldenItemScorer"/>).</param>
    /// <param name="modelSha256">SHA-256 of the model file scored with.</param>
    /// <param name="clock">The clock dating the certification.</param>
    /// <param name="bootstrap">Bootstrap settings; null for <see cref="DefaultBootstrap"/>.</param>
    /// <param name="trainingScenes">Scenes the model was trained on, counted and left out of the held-out diagnostic; null for none.</param>
    /// <exception cref="CertificationException">The manifest has no threshold for the behaviour.</exception>
    public static ModelCertification Certify(string manifestFile, GoldenSet set, string behaviour, IReadOnlyList<ScoredItem> scored, string modelSha256, TimeProvider clock, BootstrapOptions? bootstrap = null, IReadOnlySet<string>? trainingScenes = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(clock);
        var threshold = set.ThresholdFor(behaviour)
            ?? throw CertificationException.NoThreshold(manifestFile, behaviour, set.Manifest.Certification.Select(c => c.Behaviour));
        var options = bootstrap ?? DefaultBootstrap;
        var byItem = scored.ToDictionary(s => s.Item, StringComparer.Ordinal);
        var meta = GoldenSetMetaTest.Run(set, behaviour, item => byItem[item.Id].Probability >= Threshold ? "1" : "0", new CohenKappaAgreement(options));
        var resolved = scored.Where(s => s.Label is not null).ToList();
        var (ece, eceLower, eceUpper) = Ece(resolved, options);
        bool agrees = meta.Certified;
        bool calibrated = ece < threshold.MaxCalibrationError;
        var agreement = meta.Agreement;
        string kappa = $"{meta.Statistic} {F(agreement.Value)} (95% [{F(agreement.Lower95)}, {F(agreement.Upper95)}])";
        string calibration = $"ECE {F(ece)} (95% [{F(eceLower)}, {F(eceUpper)}])";
        string against = meta.Labels.Against(meta.Reference);
        string reason = (agrees && calibrated
            ? $"certified: {kappa}, lower bound {F(agreement.Lower95)} >= {F(threshold.MinAgreementLower95)}; {calibration} < {F(threshold.MaxCalibrationError)}"
            : "refused: " + string.Join("; ", new[]
            {
                agrees ? null : $"{meta.Statistic} lower 95% bound {F(agreement.Lower95)} < {F(threshold.MinAgreementLower95)} ({kappa})",
                calibrated ? null : $"{calibration} >= {F(threshold.MaxCalibrationError)}",
            }.OfType<string>())) + "; " + against;
        var m = set.Manifest;
        return new ModelCertification(
            behaviour,
            new GoldenSetReference(m.Name, m.Version, m.ItemsSha256, m.LabelsSha256),
            meta.Statistic,
            agreement.Value,
            [agreement.Lower95, agreement.Upper95],
            ece,
            [eceLower, eceUpper],
            threshold.MinAgreementLower95,
            threshold.MaxCalibrationError,
            meta.Items,
            meta.Excluded,
            agrees && calibrated,
            reason,
            modelSha256,
            $"{options.Method.ToString().ToLowerInvariant()}, {options.Resamples} resamples of items, seed {options.Seed}",
            clock.GetUtcNow(),
            resolved.Count(i => trainingScenes?.Contains(i.Scene) == true),
            HeldOut(resolved, trainingScenes),
            meta.Labels.Basis,
            meta.Reference,
            meta.Labels.Raters);
    }

    private static double? HeldOut(List<ScoredItem> resolved, IReadOnlySet<string>? trainingScenes)
    {
        var held = resolved.Where(i => trainingScenes?.Contains(i.Scene) != true).ToList();
        if (held.Count == 0)
        {
            return null;
        }

        int[] predicted = [.. held.Select(i => i.Probability >= Threshold ? 1 : 0)];
        int[] truth = [.. held.Select(i => i.Label == "1" ? 1 : 0)];
        int[] all = [.. Enumerable.Range(0, held.Count)];
        double kappa = CohenKappa.Compute(predicted, truth, 2, KappaWeighting.None, all);
        return double.IsFinite(kappa) ? kappa : null;
    }

    /// <summary>ECE (<see cref="CalibrationBins"/> equal-width bins) of the items' probabilities against their labels, with its bootstrap 95% interval.</summary>
    /// <param name="items">Items with a label.</param>
    /// <param name="options">Bootstrap settings.</param>
    /// <param name="map">A calibration applied to each probability first; null for none.</param>
    public static (double Value, double Lower95, double Upper95) Ece(IReadOnlyList<ScoredItem> items, BootstrapOptions options, Func<double, double>? map = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        double[] p = [.. items.Select(i => map is null ? i.Probability : map(i.Probability))];
        bool[] y = [.. items.Select(i => i.Label == "1")];
        var calibration = new EqualWidthCalibration(p, y, CalibrationBins);
        var result = Bootstrap.Run(p.Length, calibration.Ece, options);
        return (result.Estimate, result.Interval.Lower, result.Interval.Upper);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
