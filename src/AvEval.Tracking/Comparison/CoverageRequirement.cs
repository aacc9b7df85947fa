namespace AvEval.Tracking.Comparison;

/// <summary>
/// The gate policy's optional <c>coverage:</c> minimum: every taxonomy cell (<see cref="Coverage.ScenarioTaxonomy"/>) of the
/// listed behaviours, road types, speed bands and densities must hold at least <paramref name="Minimum"/> of the candidate
/// run's scenarios. An empty list means all (all behaviours of the run; all road types, speed bands or densities).
/// </summary>
/// <param name="Minimum">Scenarios required per cell, at least 1.</param>
/// <param name="Behaviors">Behaviours the minimum applies to; empty for every behaviour of the candidate's run.</param>
/// <param name="RoadTypes">Road types it applies to; empty for all.</param>
/// <param name="SpeedBands">Speed bands it applies to; empty for all.</param>
/// <param name="Densities">Traffic densities it applies to; empty for all.</param>
public sealed record CoverageRequirement(int Minimum, IReadOnlyList<string> Behaviors, IReadOnlyList<string> RoadTypes, IReadOnlyList<string> SpeedBands, IReadOnlyList<string> Densities);
