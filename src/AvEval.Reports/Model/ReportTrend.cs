namespace AvEval.Reports.Model;

/// <summary>One behaviour's pass rate across the trend's candidates.</summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Points">One point per <see cref="ReportDocument.Candidates"/> entry, in the same order.</param>
public sealed record ReportTrend(string Behavior, IReadOnlyList<ReportTrendPoint> Points);
