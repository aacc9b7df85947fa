namespace AvEval.Statistics;

/// <summary>
/// Disagreement weights of Cohen's weighted kappa (Cohen 1968) between categories i and j, which are taken in their
/// given order 0..k−1 (so numeric labels must be mapped to their rank among the category values first).
/// </summary>
public enum KappaWeighting
{
    /// <summary>Unweighted kappa (Cohen 1960): every disagreement weighs 1.</summary>
    None,

    /// <summary>Linear weights |i − j|.</summary>
    Linear,

    /// <summary>Quadratic weights (i − j)².</summary>
    Quadratic,
}
