using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios.Expectations;

namespace AvEval.Scenarios;

/// <summary>
/// A scenario judged for one candidate: fail if any expectation failed, else inconclusive if any could not be
/// judged, else pass. An inconclusive verdict on a blocking scenario blocks the release like a failure.
/// </summary>
/// <param name="ScenarioId">The scenario's display name (<c>behaviour/id</c>).</param>
/// <param name="Candidate">The candidate that drove.</param>
/// <param name="Outcome">The overall outcome.</param>
/// <param name="Expectations">One outcome per expectation, in the scenario's order.</param>
/// <param name="Severity">The scenario's severity.</param>
public sealed record Verdict(string ScenarioId, CandidateId Candidate, Outcome Outcome, IReadOnlyList<ExpectationOutcome> Expectations, Severity Severity)
{
    /// <summary>Whether this verdict blocks the release: a blocking scenario that did not pass (inconclusive counts as failing).</summary>
    public bool BlocksRelease => Severity == Severity.Blocking && Outcome != Outcome.Pass;

    /// <summary>Judges every expectation of a scenario against a drive's evaluation.</summary>
    public static Verdict Judge(ScenarioSpec spec, CandidateId candidate, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(evaluation);
        var outcomes = spec.Expectations.Select(e => e.Judge(evaluation)).ToList();
        var outcome = outcomes.Any(o => o.Outcome == Outcome.Fail) ? Outcome.Fail
            : outcomes.Any(o => o.Outcome == Outcome.Inconclusive) ? Outcome.Inconclusive
            : Outcome.Pass;
        return new Verdict(spec.DisplayName, candidate, outcome, outcomes, spec.Severity);
    }

    /// <summary>
    /// What a test failure says: the scenario, the candidate, the outcome, and every expectation that did not pass,
    /// one per line; for inconclusive blocking verdicts, that inconclusive blocks.
    /// </summary>
    public string Describe()
    {
        var head = $"{ScenarioId} @ {Candidate}: {Outcome.ToString().ToLowerInvariant()} ({Severity.ToString().ToLowerInvariant()})";
        if (Outcome == Outcome.Inconclusive && BlocksRelease)
        {
            head += "; inconclusive counts as failing for a blocking scenario";
        }

        var lines = Expectations.Where(e => e.Outcome != Outcome.Pass).Select(e => $"  {e.Outcome.ToString().ToLowerInvariant()}: {e.Message}");
        return string.Join(Environment.NewLine, [head, .. lines]);
    }
}
