namespace AvEval.Reports.Model;

/// <summary>Where a scenario falls in the taxonomy and why (see <see cref="Coverage.ScenarioClass"/>).</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="RoadType">Its road type.</param>
/// <param name="SpeedBand">Its speed band.</param>
/// <param name="Density">Its traffic density.</param>
/// <param name="MeanSpeed">The recorded ego's mean speed in the window, m/s.</param>
/// <param name="VehiclesPerKmPerLane">Vehicles within 100 m per km per lane, averaged over the window.</param>
/// <param name="LanesAbreast">Same-direction lanes abreast at the ego's lane.</param>
public sealed record ReportScenarioClass(string Scenario, string RoadType, string SpeedBand, string Density, double MeanSpeed, double VehiclesPerKmPerLane, int LanesAbreast);
