namespace AvEval.Reports.Model;

/// <summary>A key metric of a behaviour (one its scenarios' expectations assert on) across the trend's candidates.</summary>
/// <param name="Metric">The metric name (<c>thw.gap.min</c>).</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Points">One point per <see cref="ReportDocument.Candidates"/> entry, in the same order.</param>
public sealed record ReportMetricTrend(string Metric, string Unit, IReadOnlyList<ReportMetricPoint> Points);
