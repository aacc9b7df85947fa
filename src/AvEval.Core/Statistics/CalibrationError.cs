namespace AvEval.Statistics;

/// <summary>
/// The expected calibration error with equal-width bins, as <see cref="ReliabilityDiagram"/> defines it; for bootstrap
/// resamples use <see cref="EqualWidthCalibration"/>, which bins each item once.
/// </summary>
public static class CalibrationError
{
    /// <summary>ECE over all items with <paramref name="bins"/> equal-width bins.</summary>
    public static double ExpectedEqualWidth(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins)
        => ReliabilityDiagram.Compute(confidences, outcomes, bins, CalibrationBinning.EqualWidth).Ece;

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
