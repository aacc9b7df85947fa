namespace AvEval.Statistics;

/// <summary>
/// Every agreement coefficient that applies to a long-form label file, each with a bootstrap confidence interval whose
/// resampling unit is the item: Cohen's kappa (unweighted; linear and quadratic weights on category ranks when the
/// labels are numeric) when there are exactly two raters, over the items both labelled; Fleiss' kappa when every item
/// has the same number (≥ 2) of labels; Krippendorff's alpha at the nominal level always, ordinal and interval when
/// every label is a number, ratio when every label is also ≥ 0.
/// </summary>
public static class LabelAgreement
{
    /// <summary>Computes the coefficients in the order Cohen, Fleiss, Krippendorff (nominal, ordinal, interval, ratio).</summary>
    public static IReadOnlyList<AgreementCoefficient> Analyze(LongFormLabels labels, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        var categories = Categories(labels);
        var result = new List<AgreementCoefficient>();
        result.AddRange(Cohen(labels, categories, options));
        result.Add(Fleiss(labels, categories, options));
        result.AddRange(Krippendorff(labels, categories, options));
        return result;
    }

    private static Dictionary<string, int> Categories(LongFormLabels labels)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Items.Count; i++)
        {
            for (int r = 0; r < labels.Raters.Count; r++)
            {
                if (labels.LabelOf(i, r) is { } label)
                {
                    distinct.Add(label);
                }
            }
        }

        // Numeric labels are ranked by value so that weighted kappa and ordinal codes follow the scale; equal numbers
        // written differently ("1", "1.0") are one category.
        var ordered = labels.IsNumeric
            ? distinct.GroupBy(LongFormLabels.ValueOf).OrderBy(g => g.Key).Select(g => g.ToList()).ToList()
            : distinct.Order(StringComparer.Ordinal).Select(l => new List<string> { l }).ToList();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < ordered.Count; c++)
        {
            foreach (var label in ordered[c])
            {
                codes[label] = c;
            }
        }

        return codes;
    }

    private static IEnumerable<AgreementCoefficient> Cohen(LongFormLabels labels, Dictionary<string, int> categories, BootstrapOptions options)
    {
        const string name = "cohen_kappa";
        if (labels.Raters.Count != 2)
        {
            yield return new AgreementCoefficient(name, null, "none", null, null, 0, $"Cohen's kappa needs exactly two raters; the file has {labels.Raters.Count}.");
            yield break;
        }

        var first = new List<int>();
        var second = new List<int>();
        for (int i = 0; i < labels.Items.Count; i++)
        {
            if (labels.LabelOf(i, 0) is { } a && labels.LabelOf(i, 1) is { } b)
            {
                first.Add(categories[a]);
                second.Add(categories[b]);
            }
        }

        var weightings = labels.IsNumeric ? new[] { KappaWeighting.None, KappaWeighting.Linear, KappaWeighting.Quadratic } : [KappaWeighting.None];
        foreach (var weighting in weightings)
        {
            string weightName = weighting.ToString().ToLowerInvariant();
            if (first.Count < 2)
            {
                yield return new AgreementCoefficient(name, null, weightName, null, null, first.Count, $"Cohen's kappa needs at least 2 items labelled by both raters; the file has {first.Count}.");
                continue;
            }

            int[] x = [.. first];
            int[] y = [.. second];
            int k = categories.Values.Max() + 1;
            var run = Bootstrap.Run(x.Length, items => CohenKappa.Compute(x, y, k, weighting, items), options);
            yield return Finish(name, null, weightName, run, "both raters used a single category, so chance agreement is total");
        }
    }

    private static AgreementCoefficient Fleiss(LongFormLabels labels, Dictionary<string, int> categories, BootstrapOptions options)
    {
        const string name = "fleiss_kappa";
        int k = categories.Values.Max() + 1;
        var counts = new int[labels.Items.Count][];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = new int[k];
            for (int r = 0; r < labels.Raters.Count; r++)
            {
                if (labels.LabelOf(i, r) is { } label)
                {
                    counts[i][categories[label]]++;
                }
            }
        }

        var perItem = counts.Select(c => c.Sum()).ToList();
        int min = perItem.Min();
        int max = perItem.Max();
        if (min != max)
        {
            return new AgreementCoefficient(name, "nominal", null, null, null, 0, $"Fleiss' kappa needs the same number of labels on every item; items here have {min} to {max}.");
        }

        if (min < 2 || counts.Length < 2)
        {
            return new AgreementCoefficient(name, "nominal", null, null, null, 0, $"Fleiss' kappa needs at least 2 labels per item and 2 items; the file has {min} per item on {counts.Length} items.");
        }

        var run = Bootstrap.Run(counts.Length, items => FleissKappa.Compute(counts, items), options);
        return Finish(name, "nominal", null, run, "every label is in one category, so chance agreement is total");
    }

    private static IEnumerable<AgreementCoefficient> Krippendorff(LongFormLabels labels, Dictionary<string, int> categories, BootstrapOptions options)
    {
        var codes = new List<double>[labels.Items.Count];
        var values = new List<double>[labels.Items.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = [];
            values[i] = [];
            for (int r = 0; r < labels.Raters.Count; r++)
            {
                if (labels.LabelOf(i, r) is { } label)
                {
                    codes[i].Add(categories[label]);
                    if (labels.IsNumeric)
                    {
                        values[i].Add(LongFormLabels.ValueOf(label));
                    }
                }
            }
        }

        var levels = new List<(MeasurementLevel Level, KrippendorffAlpha Data)> { (MeasurementLevel.Nominal, KrippendorffAlpha.FromUnits(codes)) };
        if (labels.IsNumeric)
        {
            var numeric = KrippendorffAlpha.FromUnits(values);
            levels.Add((MeasurementLevel.Ordinal, numeric));
            levels.Add((MeasurementLevel.Interval, numeric));
            if (labels.IsNonNegative)
            {
                levels.Add((MeasurementLevel.Ratio, numeric));
            }
        }

        foreach (var (level, data) in levels)
        {
            var run = Bootstrap.Run(data.UnitCount, items => data.Compute(level, items), options);
            yield return Finish("krippendorff_alpha", level.ToString().ToLowerInvariant(), null, run, "no item has two labels to pair, or every label is the same");
        }
    }

    private static AgreementCoefficient Finish(string name, string? level, string? weighting, BootstrapResult run, string undefinedBecause) =>
        double.IsFinite(run.Estimate)
            ? new AgreementCoefficient(name, level, weighting, run.Estimate, run, run.Items, null)
            : new AgreementCoefficient(name, level, weighting, null, null, run.Items, $"The coefficient is undefined: {undefinedBecause}.");
}
