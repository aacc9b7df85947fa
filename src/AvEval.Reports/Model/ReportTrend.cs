namespace AvEval.Reports.Model;

/// <summary>One behaviour's pass rate across the trend's candidates.</summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Points">One point per <see cref="ReportDocument.Candidates"/> entry, in the same order.</param>
/// <param name="Metrics">Its key metrics (those its expectations assert on), by first appearance.</param>
public sealed record ReportTrend(string Behavior, IReadOnlyList<ReportTrendPoint> Points, IReadOnlyList<ReportMetricTrend> Metrics);
