namespace AvEval.Coverage;

/// <summary>
/// Scenarios per behaviour × road type × speed band × traffic density: every cell of each behaviour present, empty cells
/// included, in the order of <see cref="ScenarioTaxonomy.RoadTypes"/>, <see cref="ScenarioTaxonomy.SpeedBands"/> and
/// <see cref="ScenarioTaxonomy.Densities"/>.
/// </summary>
/// <param name="Cells">Every cell, behaviours by name.</param>
/// <param name="Scenarios">Each classified scenario, by id.</param>
/// <param name="Unclassified">Scenarios that could not be classified, each with why (its log does not load, say).</param>
public sealed record CoverageTable(IReadOnlyList<CoverageCount> Cells, IReadOnlyList<ScenarioClass> Scenarios, IReadOnlyList<string> Unclassified);
