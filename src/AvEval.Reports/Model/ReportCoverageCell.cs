namespace AvEval.Reports.Model;

/// <summary>One cell of the coverage table.</summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="RoadType">The road type.</param>
/// <param name="SpeedBand">The speed band.</param>
/// <param name="Density">The traffic density.</param>
/// <param name="Scenarios">Its scenarios, by id (empty for an empty cell).</param>
/// <param name="UnderMinimum">Whether the gate policy's coverage minimum applies to the cell and it holds fewer scenarios.</param>
public sealed record ReportCoverageCell(string Behavior, string RoadType, string SpeedBand, string Density, IReadOnlyList<string> Scenarios, bool UnderMinimum);
