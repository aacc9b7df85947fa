namespace AvEval.Reports.Model;

/// <summary>A two-sided confidence interval of a fraction.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level (0.95).</param>
/// <param name="Method">The method's name (<c>wilson</c>, <c>newcombe-paired</c>, ...).</param>
public sealed record ReportInterval(double Lower, double Upper, double Level, string Method);
