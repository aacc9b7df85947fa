namespace AvEval.Reports.Model;

/// <summary>The release gate's decision as the report shows it.</summary>
/// <param name="Policy">The gate policy file.</param>
/// <param name="SignificanceLevel">The policy's α.</param>
/// <param name="Correction">The multiple-testing correction as the policy spells it (<c>holm</c>, <c>bh</c>, <c>none</c>).</param>
/// <param name="Passed">Whether no blocking behaviour regressed; null when the gate could not decide (see <paramref name="Problem"/>).</param>
/// <param name="Decision">The decision line <c>aveval gate</c> prints first, or null when it could not decide.</param>
/// <param name="Problem">Why the gate could not decide, or null.</param>
/// <param name="Verdicts">Each blocking behaviour's verdict, regressed first, then in the policy's order.</param>
public sealed record ReportGate(string Policy, double SignificanceLevel, string Correction, bool? Passed, string? Decision, string? Problem, IReadOnlyList<ReportVerdict> Verdicts);
