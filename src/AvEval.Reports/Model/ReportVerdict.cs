namespace AvEval.Reports.Model;

/// <summary>How the gate judged one blocking behaviour.</summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Regressed">Whether it regressed.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="AdjustedP">Its McNemar p-value under the policy's correction.</param>
/// <param name="UpperBound">The one-sided upper confidence bound of its pass-rate change (a fraction, −1 to 1).</param>
/// <param name="Margin">Its non-inferiority margin (a fraction, 0 to 1).</param>
public sealed record ReportVerdict(string Behavior, bool Regressed, string Reason, double AdjustedP, double UpperBound, double Margin);
