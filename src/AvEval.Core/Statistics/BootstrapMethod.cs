namespace AvEval.Statistics;

/// <summary>How a bootstrap turns its replicates into a confidence interval.</summary>
public enum BootstrapMethod
{
    /// <summary>The α/2 and 1−α/2 quantiles of the replicates (Efron and Tibshirani 1993, §13.3).</summary>
    Percentile,

    /// <summary>
    /// Bias-corrected and accelerated (Efron 1987, JASA 82:171–185; Efron and Tibshirani 1993, §14.3): quantiles at
    /// Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))), z₀ from the share of replicates below the estimate and the acceleration a
    /// from the leave-one-item-out jackknife, a = Σd³ / (6 (Σd²)^{3/2}) with d = mean(θ₍ᵢ₎) − θ₍ᵢ₎.
    /// </summary>
    Bca,
}
