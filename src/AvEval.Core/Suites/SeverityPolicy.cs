using AvEval.Scenarios;
using AvEval.Suites.Internal;

namespace AvEval.Suites;

/// <summary>
/// Turns a case's verdict into its outcome. A blocking scenario fails when it fails or is inconclusive; a warning or info
/// scenario that does not pass passes with a warning. Bad input (the case's problem, a missing ego, an unreadable log)
/// always fails. A learned evaluator without a current passing certification fails blocking and warning scenarios,
/// whatever their verdict, and warns on info ones.
/// </summary>
public static class SeverityPolicy
{
    /// <summary>The outcome of a case that was evaluated.</summary>
    /// <param name="scenario">The case.</param>
    /// <param name="result">Its drive, evaluation and verdict.</param>
    /// <param name="uncertified">The certification problems of the evaluators it pins (<see cref="CertificationGate.Problems"/>).</param>
    /// <param name="evaluators">The suite's evaluators, for the identity of learned outputs in the record.</param>
    public static CaseOutcome Decide(SuiteCase scenario, CaseResult result, IReadOnlyList<string> uncertified, IEvaluatorCatalog evaluators)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(uncertified);
        ArgumentNullException.ThrowIfNull(evaluators);
        var spec = result.Spec;
        var warnings = new List<string>();
        string severity = spec.Severity.ToString().ToLowerInvariant();
        if (uncertified.Count > 0)
        {
            string message = $"{spec.DisplayName} @ {result.Verdict.Candidate}: uncertified evaluator ({severity}, {scenario.File}): {string.Join(" ", uncertified)}";
            if (spec.Severity != Severity.Info)
            {
                return Outcome(scenario, CaseOutcomeKind.Failure, message, new List<string>(), result, null, evaluators);
            }

            warnings.Add($"info scenario uses an evaluator without a current certification (the test passes; it does not gate anything): {message}");
        }

        if (result.Verdict.Outcome != Scenarios.Outcome.Pass)
        {
            var text = scenario.ChecksLog is { } why
                ? why + Environment.NewLine + FailureText.ForVerdict(result, scenario.File)
                : FailureText.ForVerdict(result, scenario.File);
            if (result.Verdict.BlocksRelease)
            {
                return Outcome(scenario, CaseOutcomeKind.Failure, text, warnings, result, null, evaluators);
            }

            warnings.Add($"{severity} scenario did not pass (the test passes; it does not block the release): {text}");
        }

        return Outcome(scenario, warnings.Count > 0 ? CaseOutcomeKind.Warning : CaseOutcomeKind.Pass, null, warnings, result, null, evaluators);
    }

    /// <summary>The outcome of a case that could not be evaluated: it fails with the precise error.</summary>
    /// <param name="scenario">The case.</param>
    /// <param name="message">The error's message (the case's problem, or the bad-input exception's).</param>
    /// <param name="error">The exception, when there was one.</param>
    public static CaseOutcome BadInput(SuiteCase scenario, string message, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new CaseOutcome(scenario, CaseOutcomeKind.Failure, message, [], scenario.ChecksLog, null, error, CaseRecords.BadInput(scenario, message));
    }

    private static CaseOutcome Outcome(SuiteCase scenario, CaseOutcomeKind kind, string? failure, List<string> warnings, CaseResult result, Exception? error, IEvaluatorCatalog evaluators)
    {
        var message = failure ?? (warnings.Count > 0 ? string.Join(Environment.NewLine, warnings) : null);
        var record = CaseRecords.From(scenario, result, kind == CaseOutcomeKind.Failure, message, evaluators);
        return new CaseOutcome(scenario, kind, failure, warnings, scenario.ChecksLog, result, error, record);
    }
}
