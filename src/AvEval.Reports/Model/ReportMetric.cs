namespace AvEval.Reports.Model;

/// <summary>One metric of a drive.</summary>
/// <param name="Name">The metric name (<c>thw.gap.min</c>).</param>
/// <param name="Value">The value in <paramref name="Unit"/>; null when not computed or not finite (see <paramref name="Note"/>).</param>
/// <param name="Unit">The unit symbol.</param>
/// <param name="Note">Why there is no value (the store's reason, or <c>+inf</c> / <c>-inf</c>); null with a value.</param>
public sealed record ReportMetric(string Name, double? Value, string Unit, string? Note);
