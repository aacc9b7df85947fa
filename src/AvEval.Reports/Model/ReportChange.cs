namespace AvEval.Reports.Model;

/// <summary>A paired scenario whose outcome moved, or that is flaky.</summary>
/// <param name="Scenario">The scenario (<c>behaviour/id</c>).</param>
/// <param name="Behavior">Its behaviour.</param>
/// <param name="Severity">Its severity in the candidate's run (<c>blocking</c>, <c>warning</c>, <c>info</c>).</param>
/// <param name="Baseline">The baseline's verdict (<see cref="ReportScenario.Outcomes"/> letters spelt out: <c>pass</c>, <c>fail</c>, <c>inconclusive</c>, <c>bad_input</c>).</param>
/// <param name="Candidate">The candidate's verdict, spelt the same way.</param>
/// <param name="Transition"><c>new_failure</c>, <c>fixed</c> or <c>flaky</c>.</param>
/// <param name="FlipRate">Its flip rate in the fingerprints' histories (0–1), or null when neither has two observations.</param>
public sealed record ReportChange(string Scenario, string Behavior, string Severity, string Baseline, string Candidate, string Transition, double? FlipRate);
