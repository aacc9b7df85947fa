namespace AvEval.Reports.Model;

/// <summary>A stretch of a <see cref="ReportSeries"/> that breaks a <see cref="ReportThreshold"/>.</summary>
/// <param name="StartSeconds">Time of its first sample on the wrong side of the bound, s (where the series crosses it).</param>
/// <param name="EndSeconds">Time of its last such sample, s.</param>
/// <param name="Worst">The value furthest past the bound, in the series' unit.</param>
/// <param name="WorstSeconds">Its time, s.</param>
/// <param name="Agents">The agents to mark on the map: those of the run's events overlapping the stretch, else the ego.</param>
public sealed record ReportViolation(double StartSeconds, double EndSeconds, double Worst, double WorstSeconds, IReadOnlyList<string> Agents);
