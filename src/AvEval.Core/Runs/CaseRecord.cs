using AvEval.Scenarios;

namespace AvEval.Runs;

/// <summary>
/// One case of a run (a scenario driven by one candidate, or checked on the log) as stored: its verdict, every
/// expectation's outcome, and the evidence. Keyed within a run by <paramref name="Key"/>, so recording a case twice
/// stores it once.
/// </summary>
/// <param name="Key">The case's display name, <c>&lt;behaviour&gt;/&lt;id&gt; @ &lt;candidate or log&gt;</c>.</param>
/// <param name="ScenarioFile">The scenario file, relative to the suite root.</param>
/// <param name="Scenario">The scenario's display name (<c>behaviour/id</c>).</param>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Severity">The scenario's severity.</param>
/// <param name="Subject"><c>candidate</c>, or <c>log</c> when no selected candidate controls what the scenario asserts.</param>
/// <param name="Candidate">The candidate id (<c>log</c> for a log check).</param>
/// <param name="CandidateFingerprint">The candidate's fingerprint (empty for a log check).</param>
/// <param name="Outcome">The verdict, or null when the case could not be evaluated (bad input, see <paramref name="Message"/>).</param>
/// <param name="BlocksRelease">Whether the case blocks the release (blocking and not passed, or an uncertified evaluator in a blocking/warning scenario, or bad input).</param>
/// <param name="Message">The failure or warning text a test shows; null when the case passed cleanly.</param>
/// <param name="Expectations">Each expectation's outcome, in the scenario's order.</param>
/// <param name="Metrics">Every metric of the drive's evaluation.</param>
/// <param name="Events">Every event of the drive's evaluation.</param>
/// <param name="LearnedOutputs">The learned evaluators' outputs for this drive.</param>
public sealed record CaseRecord(
    string Key,
    string ScenarioFile,
    string Scenario,
    string Behavior,
    Severity Severity,
    string Subject,
    string Candidate,
    string CandidateFingerprint,
    Outcome? Outcome,
    bool BlocksRelease,
    string? Message,
    IReadOnlyList<ExpectationRecord> Expectations,
    IReadOnlyList<MetricRecord> Metrics,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<LearnedOutputRecord> LearnedOutputs);
