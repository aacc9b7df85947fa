namespace AvEval.Reports.Model;

/// <summary>A lane's two bounds as flat coordinate lists (x0, y0, x1, y1, …), in metres.</summary>
/// <param name="Id">The lane id.</param>
/// <param name="Left">The left bound.</param>
/// <param name="Right">The right bound.</param>
public sealed record ReportLane(string Id, IReadOnlyList<double> Left, IReadOnlyList<double> Right);
