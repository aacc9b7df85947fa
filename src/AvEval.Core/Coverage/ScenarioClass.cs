namespace AvEval.Coverage;

/// <summary>Where one scenario falls in the taxonomy, with the measurements it was put there by.</summary>
/// <param name="Scenario">The scenario (<c>behaviour/id</c>).</param>
/// <param name="Cell">Its cell.</param>
/// <param name="MeanSpeed">The recorded ego's mean speed over the scenario's window, m/s.</param>
/// <param name="VehiclesPerKmPerLane">Other vehicles within 100 m of the recorded ego, per km of road and per lane abreast, averaged over the window.</param>
/// <param name="LanesAbreast">Same-direction lanes side by side at the ego's lane (the lane and its left and right neighbours), at the window's first frame in a lane; 1 when the ego is in no lane.</param>
/// <param name="CrossingLanesNearPath">Whether a lane crossing the ego's heading (45°–135°), or a lane the source marks as intersection, lies within 30 m of its path.</param>
/// <param name="AlignedLaneFraction">The largest share of the scene map's lane length within 45° of one direction (modulo 180°), 0–1.</param>
public sealed record ScenarioClass(string Scenario, TaxonomyCell Cell, double MeanSpeed, double VehiclesPerKmPerLane, int LanesAbreast, bool CrossingLanesNearPath, double AlignedLaneFraction);
