namespace AvEval.Statistics;

/// <summary>
/// Items prepared for bootstrapping the expected calibration error with equal-width bins: each item's bin is found
/// once (same right-closed convention as <see cref="CalibrationBinning.EqualWidth"/>), so a resample costs one pass
/// of additions over its indices and no allocation when bins ≤ 128.
/// </summary>
public sealed class EqualWidthCalibration
{
    private readonly int[] _binOf;
    private readonly double[] _confidences;
    private readonly double[] _correct;

    /// <summary>Validates and bins the items.</summary>
    public EqualWidthCalibration(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> outcomes, int bins)
    {
        CalibrationError.Check(confidences, outcomes, bins);
        Bins = bins;
        _binOf = new int[confidences.Length];
        _confidences = confidences.ToArray();
        _correct = new double[confidences.Length];
        for (int i = 0; i < _binOf.Length; i++)
        {
            _binOf[i] = CalibrationError.EqualWidthBin(confidences[i], bins);
            _correct[i] = outcomes[i] ? 1 : 0;
        }
    }

    /// <summary>The number of bins.</summary>
    public int Bins { get; }

    /// <summary>The number of items.</summary>
    public int Count => _binOf.Length;

    /// <summary>ECE over the items listed (repeats allowed): Σ_b |Σ correct − Σ confidence| / N over the resample.</summary>
    public double Ece(ReadOnlySpan<int> items)
    {
        if (items.Length == 0)
        {
            return double.NaN;
        }

        Span<double> gaps = Bins <= 128 ? stackalloc double[Bins] : new double[Bins];
        gaps.Clear();
        foreach (int i in items)
        {
            gaps[_binOf[i]] += _correct[i] - _confidences[i];
        }

        double ece = 0;
        foreach (double gap in gaps)
        {
            ece += Math.Abs(gap);
        }

        return ece / items.Length;
    }
}
