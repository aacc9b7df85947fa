namespace AvEval.Statistics;

/// <summary>The metric of Krippendorff's alpha: which difference δ²(c, k) between two values counts as disagreement.</summary>
public enum MeasurementLevel
{
    /// <summary>δ² = 0 when equal, else 1: labels are unordered names.</summary>
    Nominal,

    /// <summary>δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², n_g the marginal frequency of value g: only the order of values counts.</summary>
    Ordinal,

    /// <summary>δ² = (c − k)².</summary>
    Interval,

    /// <summary>δ² = ((c − k)/(c + k))², for values ≥ 0 with a natural zero.</summary>
    Ratio,
}
