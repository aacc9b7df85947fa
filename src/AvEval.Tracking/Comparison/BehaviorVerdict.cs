namespace AvEval.Tracking.Comparison;

/// <summary>How the gate judged one blocking behaviour.</summary>
/// <param name="Behavior">The behaviour's comparison.</param>
/// <param name="Margin">Its non-inferiority margin (pass-rate drop tolerated, 0–1).</param>
/// <param name="AdjustedP">Its McNemar p-value under the policy's correction.</param>
/// <param name="UpperBound">The one-sided (1 − α) upper confidence bound of its pass-rate change.</param>
/// <param name="Regressed">Whether it regressed.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record BehaviorVerdict(BehaviorComparison Behavior, double Margin, double AdjustedP, double UpperBound, bool Regressed, string Reason);
