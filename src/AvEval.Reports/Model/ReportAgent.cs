namespace AvEval.Reports.Model;

/// <summary>An agent of a <see cref="ReportScene"/>, drawn as an oriented box.</summary>
/// <param name="Id">The track id.</param>
/// <param name="Kind"><c>vehicle</c>, <c>pedestrian</c>, <c>cyclist</c> or <c>other</c>.</param>
/// <param name="Role"><c>ego</c>, <c>baseline-ego</c> or <c>agent</c>.</param>
/// <param name="Length">Box length, m.</param>
/// <param name="Width">Box width, m.</param>
/// <param name="FirstFrame">The scene frame of its first state.</param>
/// <param name="States">Flat (x m, y m, heading rad) per frame from <paramref name="FirstFrame"/> on.</param>
public sealed record ReportAgent(string Id, string Kind, string Role, double Length, double Width, int FirstFrame, IReadOnlyList<double> States);
