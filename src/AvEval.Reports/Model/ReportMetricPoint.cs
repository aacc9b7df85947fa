namespace AvEval.Reports.Model;

/// <summary>A key metric in one candidate's run: the mean over the behaviour's cases where it has a finite value.</summary>
/// <param name="Cases">Cases with a finite value.</param>
/// <param name="Mean">Their mean, in the metric's unit; null without such cases.</param>
public sealed record ReportMetricPoint(int Cases, double? Mean);
