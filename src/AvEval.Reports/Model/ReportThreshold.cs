namespace AvEval.Reports.Model;

/// <summary>An expectation of the scenario on a <see cref="ReportSeries"/>, with the times the series breaks it.</summary>
/// <param name="Expectation">The expectation as written (<c>thw.gap.min &gt;= 1 s</c>).</param>
/// <param name="Metric">The metric it asserts (<c>thw.gap.min</c>).</param>
/// <param name="Operator">The comparison (<c>&gt;=</c>).</param>
/// <param name="Value">The bound, converted to the series' unit.</param>
/// <param name="PerSample">
/// True when the expectation holds exactly when every sample keeps the bound (a <c>min</c> bounded below, a <c>max</c>
/// bounded above), so that <paramref name="Violations"/> are listed; false for other statistics (a mean), whose line is
/// drawn for reference only.
/// </param>
/// <param name="Violations">Each stretch of consecutive samples on the wrong side of the bound, in time order (empty when <paramref name="PerSample"/> is false).</param>
public sealed record ReportThreshold(string Expectation, string Metric, string Operator, double Value, bool PerSample, IReadOnlyList<ReportViolation> Violations);
