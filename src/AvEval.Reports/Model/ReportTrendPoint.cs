namespace AvEval.Reports.Model;

/// <summary>A behaviour's pass rate in one candidate's run.</summary>
/// <param name="Cases">Cases of the behaviour in the run (log checks included).</param>
/// <param name="Passes">Of those, cases whose verdict is pass.</param>
/// <param name="Rate">Passes / cases, or null without cases.</param>
/// <param name="Interval">The Wilson interval of <paramref name="Rate"/>, or null without cases.</param>
public sealed record ReportTrendPoint(int Cases, int Passes, double? Rate, ReportInterval? Interval);
