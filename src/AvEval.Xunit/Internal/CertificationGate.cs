using System.Collections.Concurrent;
using AvEval.Learned.Certification;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Xunit.Internal;

/// <summary>
/// The gate never trusts an unchecked judge: every learned evaluator a scenario pins must hold a current, passing
/// certification for its behaviour (<see cref="CertificationCheck"/> over the suite's <c>golden/</c> folder). Rule
/// analyzers are exact definitions and are not checked. One check (and golden-set load) per suite folder.
/// </summary>
internal static class CertificationGate
{
    /// <summary>The golden sets' folder inside a scenarios folder.</summary>
    public const string GoldenFolder = "golden";

    private static readonly ConcurrentDictionary<string, CertificationCheck> Checks = new(StringComparer.Ordinal);

    /// <summary>One message per pinned evaluator without a current passing certification; empty when all hold one.</summary>
    public static IReadOnlyList<string> Problems(ScenarioSuite suite, ScenarioSpec spec)
    {
        var problems = new List<string>();
        foreach (var pinned in spec.Expectations.OfType<EvaluatorExpectation>().DistinctBy(e => e.EvaluatorKey))
        {
            if (Problem(suite, pinned.Evaluator, pinned.Version) is { } problem)
            {
                problems.Add($"'{pinned.Text}' ({pinned.Location}): {problem}");
            }
        }

        return problems;
    }

    /// <summary>Why an evaluator version may not be trusted (no, a refused or a stale certification), or null when it may.</summary>
    public static string? Problem(ScenarioSuite suite, string evaluator, string version)
    {
        var check = Checks.GetOrAdd(suite.Folder, f => new CertificationCheck(Path.Combine(f, GoldenFolder)));
        return check.Problem(suite.Models.ReadCard(evaluator, version));
    }
}
