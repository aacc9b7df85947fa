using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites;

/// <summary>
/// The gate never trusts an unchecked judge: every learned evaluator a scenario pins must hold a current, passing
/// certification for its behaviour against the suite's <c>golden/</c> folder (<see cref="IEvaluatorCatalog.CertificationProblem"/>).
/// Rule analyzers are exact definitions and are not checked.
/// </summary>
public static class CertificationGate
{
    /// <summary>One message per pinned evaluator without a current passing certification; empty when all hold one.</summary>
    /// <param name="evaluators">The suite's evaluators.</param>
    /// <param name="spec">The scenario.</param>
    /// <exception cref="Errors.AvEvalException">A pinned evaluator is unknown or its card cannot be read.</exception>
    public static IReadOnlyList<string> Problems(IEvaluatorCatalog evaluators, ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(evaluators);
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        foreach (var pinned in spec.Expectations.OfType<EvaluatorExpectation>().DistinctBy(e => e.EvaluatorKey))
        {
            if (evaluators.CertificationProblem(pinned.Evaluator, pinned.Version) is { } problem)
            {
                problems.Add($"'{pinned.Text}' ({pinned.Location}): {problem}");
            }
        }

        return problems;
    }
}
