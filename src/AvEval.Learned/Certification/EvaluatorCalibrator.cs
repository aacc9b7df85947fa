using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Registry;
using AvEval.Statistics;

namespace AvEval.Learned.Certification;

/// <summary>
/// The calibration loop (issue 5, part 4): splits a golden set's adjudicated items into a fit half and an evaluation half
/// by scene (never by window: the scenes, in ordinal order, are shuffled with the seed and taken into the fit half until
/// it holds at least half of the items), fits the calibrator on the fit half, and measures the ECE before and after on
/// the evaluation half with seeded bootstrap 95% intervals.
/// </summary>
public static class EvaluatorCalibrator
{
    /// <summary>Fits and evaluates a calibration.</summary>
    /// <param name="evaluator">The evaluator's key, for messages.</param>
    /// <param name="parentVersion">The version calibrated.</param>
    /// <param name="set">The golden set.</param>
    /// <param name="scored">Its items scored by the evaluator (<see cref="GoldenItemScorer"/>).</param>
    /// <param name="method"><c>temperature</c>, <c>platt</c> or <c>isotonic</c>.</param>
    /// <param name="seed">Seed of the split and the bootstrap.</param>
    /// <param name="command">The command that reproduces it.</param>
    /// <param name="clock">The clock dating it.</param>
    /// <exception cref="CertificationException">Unknown method, or a half without both classes.</exception>
    public static CalibrationRecord Fit(string evaluator, string parentVersion, GoldenSet set, IReadOnlyList<ScoredItem> scored, string method, int seed, string command, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(clock);
        if (method is not (OutputCalibration.Temperature or OutputCalibration.Platt or OutputCalibration.Isotonic))
        {
            throw CertificationException.UnknownMethod(method);
        }

        var resolved = scored.Where(s => s.Label is not null).ToList();
        var scenes = resolved.Select(s => s.Scene).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(scenes);
        var fitScenes = new List<string>();
        int fitCount = 0;
        foreach (string scene in scenes)
        {
            if (fitCount * 2 >= resolved.Count)
            {
                break;
            }

            fitScenes.Add(scene);
            fitCount += resolved.Count(s => s.Scene == scene);
        }

        var inFit = fitScenes.ToHashSet(StringComparer.Ordinal);
        var fit = resolved.Where(s => inFit.Contains(s.Scene)).ToList();
        var evaluation = resolved.Where(s => !inFit.Contains(s.Scene)).ToList();
        foreach (var (half, items) in new[] { ("fit", fit), ("evaluation", evaluation) })
        {
            int positives = items.Count(i => i.Label == "1");
            if (positives == 0 || positives == items.Count)
            {
                throw CertificationException.CannotCalibrate(evaluator, set.Manifest.Name, $"the {half} half (scenes split with seed {seed}) has {positives} positive of {items.Count} items, and needs both classes");
            }
        }

        double[] p = [.. fit.Select(i => i.Probability)];
        double[] s = [.. p.Select(OutputCalibration.Logit)];
        bool[] y = [.. fit.Select(i => i.Label == "1")];
        Dictionary<string, double> parameters = new(StringComparer.Ordinal);
        IReadOnlyList<IReadOnlyList<double>>? points = null;
        switch (method)
        {
            case OutputCalibration.Platt:
                var platt = PlattScaling.Fit(s, y);
                parameters["a"] = platt.A;
                parameters["b"] = platt.B;
                break;
            case OutputCalibration.Temperature:
                double[] logits = [.. s.SelectMany(z => new[] { 0.0, z })];
                parameters["temperature"] = TemperatureScaling.Fit(logits, 2, [.. y.Select(b => b ? 1 : 0)]).Temperature;
                break;
            default:
                var isotonic = IsotonicRegression.Fit(p, [.. y.Select(b => b ? 1.0 : 0.0)]);
                points = [.. isotonic.X.Zip(isotonic.Y, (a, b) => (IReadOnlyList<double>)[a, b])];
                break;
        }

        var m = set.Manifest;
        var reference = new GoldenSetReference(m.Name, m.Version, m.ItemsSha256, m.LabelsSha256);
        var record = new CalibrationRecord(method, parameters, points, parentVersion, reference, seed, command, fitScenes.Order(StringComparer.Ordinal).ToList(),
            [.. evaluation.Select(i => i.Scene).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], fit.Count, evaluation.Count, 0, [], 0, [], clock.GetUtcNow());
        var bootstrap = EvaluatorCertifier.DefaultBootstrap with { Seed = seed };
        var before = EvaluatorCertifier.Ece(evaluation, bootstrap);
        var after = EvaluatorCertifier.Ece(evaluation, bootstrap, OutputCalibration.From(record).Apply);
        return record with
        {
            EceBefore = before.Value,
            EceBeforeCi95 = [before.Lower95, before.Upper95],
            EceAfter = after.Value,
            EceAfterCi95 = [after.Lower95, after.Upper95],
        };
    }
}
