namespace AvEval.Statistics;

/// <summary>How confidences are grouped into bins for ECE, MCE and reliability diagrams.</summary>
public enum CalibrationBinning
{
    /// <summary>
    /// M bins of width 1/M, right-closed as in Guo et al. (2017, "On Calibration of Modern Neural Networks", ICML):
    /// bin m holds ((m−1)/M, m/M] with the boundaries computed as m/M; a confidence of exactly 0 goes into the first bin.
    /// </summary>
    EqualWidth,

    /// <summary>
    /// M bins of (nearly) equal count: items sorted by confidence (ties kept in input order), bin b holding sorted
    /// positions ⌊bN/M⌋ to ⌊(b+1)N/M⌋ − 1. Tied confidences may straddle a bin boundary.
    /// </summary>
    EqualMass,
}
