using AvEval.Runs;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites.Internal;

/// <summary>Maps a judged case to the record a run stores.</summary>
internal static class CaseRecords
{
    public static CaseRecord From(SuiteCase scenario, CaseResult result, bool blocks, string? message, IEvaluatorCatalog evaluators)
    {
        var spec = result.Spec;
        var expectations = result.Verdict.Expectations
            .Select((e, i) => new ExpectationRecord(i, e.Expectation, e.Outcome, e.Measured, e.Expected, e.Unit, e.Message, i < spec.Expectations.Count ? spec.Expectations[i].Location : null))
            .ToList();
        var metrics = result.Evaluation.Metrics.Select(m => new MetricRecord(m.Name, m.Value, m.Unit.Symbol, m.Definition, m.Reason)).ToList();
        var events = result.Evaluation.Events
            .Select(e => new EventRecord(e.Kind.Name, e.StartSeconds, e.EndSeconds, [.. e.Agents.Select(a => a.Value)], e.Summary))
            .ToList();
        var learned = new List<LearnedOutputRecord>();
        foreach (var pinned in spec.Expectations.OfType<EvaluatorExpectation>().DistinctBy(e => e.EvaluatorKey))
        {
            var identity = evaluators.Describe(pinned.Evaluator, pinned.Version);
            string prefix = EvaluatorExpectation.MetricName(pinned.Evaluator, pinned.Version, "");
            foreach (var metric in result.Evaluation.Metrics.Where(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) && m.Value is not null))
            {
                learned.Add(new LearnedOutputRecord(identity.Id, identity.Version, identity.Sha256, metric.Name[prefix.Length..], metric.Value!.Value));
            }
        }

        bool log = scenario.ChecksLog is not null;
        return new CaseRecord(
            scenario.DisplayName,
            scenario.File,
            spec.DisplayName,
            spec.Behavior,
            spec.Severity,
            scenario.Subject,
            log ? Suite.LogSubject : result.Candidate.Id.Value,
            log ? "" : result.Candidate.Fingerprint,
            result.Verdict.Outcome,
            blocks,
            message,
            expectations,
            metrics,
            events,
            learned);
    }

    public static CaseRecord BadInput(SuiteCase scenario, string message) => new(
        scenario.DisplayName,
        scenario.File,
        scenario.DisplayName,
        scenario.Behavior,
        scenario.Severity,
        scenario.Subject,
        scenario.ChecksLog is not null ? Suite.LogSubject : scenario.Candidate,
        "",
        null,
        true,
        message,
        [],
        [],
        [],
        []);
}
