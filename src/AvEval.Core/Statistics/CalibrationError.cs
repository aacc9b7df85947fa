namespace AvEval.Statistics;

/// <summary>
/// The expected calibration error with equal-width bins as a bootstrap statistic: one pass over the listed items,
/// no allocation. Same definition and bin convention as <see cref="ReliabilityDiagram"/> with
/// <see cref="CalibrationBinning.EqualWidth"/>.
/// </summary>
public static class CalibrationError
{
    /// <summary>ECE over all items with <paramref name="bins"/> equal-width bins.</summary>
    public static double ExpectedEqualWidth(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins)
        => ReliabilityDiagram.Compute(confidences, outcomes, bins, CalibrationBinning.EqualWidth).Ece;

    /// <summary>ECE over the items listed in <paramref name="items"/> (repeats allowed): one bootstrap resample.</summary>
    public static double ExpectedEqualWidth(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins, ReadOnlySpan<int> items)
    {
        Check(confidences, outcomes, bins);
        if (items.Length == 0)
        {
            return double.NaN;
        }

        Span<double> sums = bins <= 128 ? stackalloc double[bins * 3] : new double[bins * 3];
        sums.Clear();
        foreach (int i in items)
        {
            int b = EqualWidthBin(confidences[i], bins) * 3;
            sums[b]++;
            sums[b + 1] += confidences[i];
            sums[b + 2] += outcomes[i] ? 1 : 0;
        }

        // Σ_b (n_b/N)|acc_b − conf_b| = Σ_b |correct_b − Σconf_b| / N.
        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            ece += Math.Abs(sums[(b * 3) + 2] - sums[(b * 3) + 1]);
        }

        return ece / items.Length;
    }

    internal static int EqualWidthBin(double confidence, int bins)
    {
        int b = (int)Math.Ceiling(confidence * bins) - 1;
        b = Math.Clamp(b, 0, bins - 1);
        // Boundaries are m/M exactly as divided; correct the product's rounding at a boundary.
        if (b > 0 && confidence <= b / (double)bins)
        {
            b--;
        }
        else if (b < bins - 1 && confidence > (b + 1) / (double)bins)
        {
            b++;
        }

        return b;
    }

    internal static void Check(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (confidences.Length != outcomes.Length)
        {
            throw new ArgumentException($"There are {confidences.Length} confidences and {outcomes.Length} outcomes; pass one of each per item.", nameof(outcomes));
        }

        for (int i = 0; i < confidences.Length; i++)
        {
            if (!(confidences[i] >= 0 && confidences[i] <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(confidences), $"Confidence {i} is '{confidences[i]}'; a confidence lies in [0, 1].");
            }
        }
    }
}
