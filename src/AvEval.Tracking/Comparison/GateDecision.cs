namespace AvEval.Tracking.Comparison;

/// <summary>The release gate's decision (<see cref="ReleaseGate"/>).</summary>
/// <param name="Policy">The policy judged by.</param>
/// <param name="Comparison">The comparison it judged.</param>
/// <param name="Verdicts">Each blocking behaviour's verdict, in the policy's order.</param>
public sealed record GateDecision(GatePolicy Policy, Comparison Comparison, IReadOnlyList<BehaviorVerdict> Verdicts)
{
    /// <summary>True when no blocking behaviour regressed.</summary>
    public bool Passed => Verdicts.All(v => !v.Regressed);

    /// <summary>New failures in blocking behaviours (flaky scenarios excluded), in scenario order.</summary>
    public IReadOnlyList<ScenarioComparison> NewFailures =>
        [.. Comparison.Scenarios.Where(s => s.Transition == Transition.NewFailure && Verdicts.Any(v => v.Behavior.Behavior == s.Behavior)).OrderBy(s => s.Scenario, StringComparer.Ordinal)];

    /// <summary>Flaky scenarios, kept out of the decision.</summary>
    public IReadOnlyList<ScenarioComparison> Flaky => [.. Comparison.Scenarios.Where(s => s.Transition == Transition.Flaky)];
}
