namespace AvEval.Reports.Model;

/// <summary>
/// The coverage section: the candidate run's scenarios per behaviour × road type × speed band × traffic density
/// (<see cref="Coverage.ScenarioTaxonomy"/>), every cell shown, and the cells under the gate policy's minimum.
/// </summary>
/// <param name="Rules">The classification rules, one sentence each, with their thresholds.</param>
/// <param name="RoadTypes">Road types in table order.</param>
/// <param name="SpeedBands">Speed bands in table order.</param>
/// <param name="Densities">Densities in table order.</param>
/// <param name="Minimum">The policy's minimum per cell; null when the policy (or the report) has none.</param>
/// <param name="Cells">Every cell of each behaviour of the run, empty ones included.</param>
/// <param name="Scenarios">Each classified scenario with its measurements.</param>
/// <param name="Shortfalls">The policy's coverage shortfalls, one line each, as <c>aveval gate</c> prints them.</param>
/// <param name="Unclassified">Scenarios that could not be classified, with why.</param>
public sealed record ReportCoverage(
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> RoadTypes,
    IReadOnlyList<string> SpeedBands,
    IReadOnlyList<string> Densities,
    int? Minimum,
    IReadOnlyList<ReportCoverageCell> Cells,
    IReadOnlyList<ReportScenarioClass> Scenarios,
    IReadOnlyList<string> Shortfalls,
    IReadOnlyList<string> Unclassified);
