using AvEval.Scenarios;

namespace AvEval.Tracking.Comparison;

/// <summary>One scenario present in both runs.</summary>
/// <param name="Scenario">The scenario (<c>behaviour/id</c>).</param>
/// <param name="Behavior">Its behaviour.</param>
/// <param name="Severity">Its severity in the candidate's run.</param>
/// <param name="Baseline">The baseline's verdict; null for bad input.</param>
/// <param name="Candidate">The candidate's verdict; null for bad input.</param>
/// <param name="Transition">How it moved (or <see cref="Transition.Flaky"/>).</param>
/// <param name="FlipRate">The larger of its flip rates in the two fingerprints' histories (<see cref="FlipRates"/>), or null when neither has two observations.</param>
public sealed record ScenarioComparison(string Scenario, string Behavior, Severity Severity, Outcome? Baseline, Outcome? Candidate, Transition Transition, double? FlipRate);
