namespace AvEval.Statistics;

/// <summary>A two-sided confidence interval.</summary>
/// <param name="Lower">The lower bound; NaN when the method cannot give one (say why in <paramref name="Method"/>'s documentation).</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The nominal coverage, e.g. 0.95.</param>
/// <param name="Method">How it was computed, e.g. <c>wilson</c>, <c>bootstrap-percentile</c>, <c>bootstrap-bca</c>.</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level, string Method)
{
    /// <summary>Whether <paramref name="value"/> lies within the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
