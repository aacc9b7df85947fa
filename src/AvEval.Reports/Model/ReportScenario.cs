namespace AvEval.Reports.Model;

/// <summary>One scenario of the drill-down list.</summary>
/// <param name="Scenario">The scenario (<c>behaviour/id</c>).</param>
/// <param name="Behavior">Its behaviour.</param>
/// <param name="Severity">Its severity (<c>blocking</c>, <c>warning</c>, <c>info</c>), as last recorded.</param>
/// <param name="Outcomes">
/// One letter per <see cref="ReportDocument.Candidates"/> entry, in the same order: <c>p</c> pass, <c>f</c> fail,
/// <c>i</c> inconclusive, <c>e</c> bad input (not evaluated), <c>-</c> not in that candidate's run.
/// </param>
/// <param name="Message">The failure or warning text in the candidate's run under review; null when it passed cleanly or is not in it.</param>
/// <param name="BaselineMessage">The same in the baseline's run.</param>
/// <param name="Metrics">The metrics of the candidate's drive under review (empty when not in it).</param>
/// <param name="Learned">The learned evaluators' outputs for that drive, with model id and version (empty when none ran).</param>
public sealed record ReportScenario(string Scenario, string Behavior, string Severity, string Outcomes, string? Message, string? BaselineMessage, IReadOnlyList<ReportMetric> Metrics, IReadOnlyList<ReportLearnedOutput> Learned);
