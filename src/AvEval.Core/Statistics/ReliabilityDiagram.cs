namespace AvEval.Statistics;

/// <summary>
/// Reliability-diagram data with the calibration errors it implies: ECE = Σ_b (n_b/N)·|acc_b − conf_b| and
/// MCE = max_b |acc_b − conf_b| over non-empty bins (Naeini, Cooper and Hauskrecht 2015, AAAI; Guo et al. 2017).
/// A confidence is the probability the evaluator gave to the outcome that is scored (its top label, or the positive
/// class of a binary detector); the outcome says whether that label was right (or whether the item was positive).
/// </summary>
/// <param name="Binning">How the bins were formed.</param>
/// <param name="Bins">The bins in increasing confidence; empty equal-width bins are kept with NaN means.</param>
/// <param name="Ece">Expected calibration error.</param>
/// <param name="Mce">Maximum calibration error.</param>
public sealed record ReliabilityDiagram(CalibrationBinning Binning, IReadOnlyList<ReliabilityBin> Bins, double Ece, double Mce)
{
    /// <summary>Bins <paramref name="confidences"/> (each in [0, 1]) with their <paramref name="outcomes"/> into <paramref name="bins"/> bins.</summary>
    public static ReliabilityDiagram Compute(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins, CalibrationBinning binning)
    {
        CalibrationError.Check(confidences, outcomes, bins);
        int n = confidences.Length;
        var keys = confidences.ToArray();
        var members = new List<int>[bins];
        for (int b = 0; b < bins; b++)
        {
            members[b] = [];
        }

        if (binning == CalibrationBinning.EqualWidth)
        {
            for (int i = 0; i < n; i++)
            {
                members[CalibrationError.EqualWidthBin(confidences[i], bins)].Add(i);
            }
        }
        else
        {
            // A stable sort keeps tied confidences in input order, so the binning is reproducible.
            var sorted = Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray();
            for (int b = 0; b < bins; b++)
            {
                long from = (long)b * n / bins;
                long to = (long)(b + 1) * n / bins;
                for (long s = from; s < to; s++)
                {
                    members[b].Add(sorted[s]);
                }
            }
        }

        var result = new List<ReliabilityBin>(bins);
        double ece = 0;
        double mce = 0;
        for (int b = 0; b < bins; b++)
        {
            var items = members[b];
            double lower;
            double upper;
            if (binning == CalibrationBinning.EqualWidth)
            {
                lower = b / (double)bins;
                upper = (b + 1) / (double)bins;
            }
            else
            {
                lower = items.Count == 0 ? double.NaN : items.Min(i => keys[i]);
                upper = items.Count == 0 ? double.NaN : items.Max(i => keys[i]);
            }

            if (items.Count == 0)
            {
                result.Add(new ReliabilityBin(lower, upper, 0, double.NaN, double.NaN));
                continue;
            }

            double confidence = 0;
            double correct = 0;
            foreach (int i in items)
            {
                confidence += confidences[i];
                correct += outcomes[i] ? 1 : 0;
            }

            confidence /= items.Count;
            double accuracy = correct / items.Count;
            double gap = Math.Abs(accuracy - confidence);
            ece += items.Count / (double)n * gap;
            mce = Math.Max(mce, gap);
            result.Add(new ReliabilityBin(lower, upper, items.Count, confidence, accuracy));
        }

        return new ReliabilityDiagram(binning, result, n == 0 ? double.NaN : ece, n == 0 ? double.NaN : mce);
    }
}
