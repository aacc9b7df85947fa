namespace AvEval.Reports.Model;

/// <summary>
/// The data of one release report, as the page reads it (<see cref="Format"/>): the compared runs, the gate's decision,
/// per-behaviour statistics, the scenario changes, the trend across candidates and every scenario's outcomes. Built
/// from the results store by <see cref="ReportBuilder"/>, written by <see cref="ReportWriter"/>.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>; a page refuses another.</param>
/// <param name="GeneratedAt">When the report was built.</param>
/// <param name="Store">The results store read.</param>
/// <param name="Baseline">The baseline side of the comparison.</param>
/// <param name="Candidate">The candidate under review.</param>
/// <param name="Gate">The release gate's decision, or null when no gate policy was found or given.</param>
/// <param name="Behaviors">Per behaviour, by name: the paired comparison.</param>
/// <param name="Changes">Scenarios that moved: new failures first, then fixed, then flaky; by scenario within each.</param>
/// <param name="OnlyInBaseline">Scenarios only the baseline holds.</param>
/// <param name="OnlyInCandidate">Scenarios only the candidate holds.</param>
/// <param name="Candidates">The trend's columns, oldest first: each candidate's latest complete run (for the two compared, the compared runs).</param>
/// <param name="Trends">Per behaviour, its pass rate in each of <paramref name="Candidates"/>.</param>
/// <param name="Scenarios">Every scenario of the trend's runs, by id, with its outcome per candidate.</param>
/// <param name="Coverage">The coverage section: the candidate run's scenarios in the taxonomy.</param>
/// <param name="Health">The evaluator-health section; null when no health source was given (the page says so).</param>
/// <param name="Scenes">Bird's-eye views of a few scenarios (new failures first), replayed from the suite.</param>
public sealed record ReportDocument(
    string Format,
    DateTimeOffset GeneratedAt,
    string Store,
    ReportRun Baseline,
    ReportRun Candidate,
    ReportGate? Gate,
    IReadOnlyList<ReportBehavior> Behaviors,
    IReadOnlyList<ReportChange> Changes,
    IReadOnlyList<string> OnlyInBaseline,
    IReadOnlyList<string> OnlyInCandidate,
    IReadOnlyList<ReportCandidate> Candidates,
    IReadOnlyList<ReportTrend> Trends,
    IReadOnlyList<ReportScenario> Scenarios,
    IReadOnlyList<ReportScene> Scenes,
    ReportHealth? Health,
    ReportCoverage Coverage)
{
    /// <summary>The format name and version of the document.</summary>
    public const string FormatName = "aveval.report/1";
}
