namespace AvEval.Golden;

/// <summary>An agreement coefficient with its 95% interval.</summary>
/// <param name="Value">The point estimate; NaN when the statistic is undefined on the items (the meta-test then refuses and says so).</param>
/// <param name="Lower95">Lower bound of the 95% interval.</param>
/// <param name="Upper95">Upper bound of the 95% interval.</param>
public sealed record AgreementEstimate(double Value, double Lower95, double Upper95);
