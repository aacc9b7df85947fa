namespace AvEval.Runs;

/// <summary>One metric of a case's drive.</summary>
/// <param name="Name">The metric name (<c>thw.gap.min</c>).</param>
/// <param name="Value">The value in <paramref name="Unit"/>; null when not computed (see <paramref name="Reason"/>); may be infinite.</param>
/// <param name="Unit">The unit symbol.</param>
/// <param name="Definition">The definition, naming whose it is.</param>
/// <param name="Reason">Why there is no value, when there is none.</param>
public sealed record MetricRecord(string Name, double? Value, string Unit, string Definition, string? Reason);
