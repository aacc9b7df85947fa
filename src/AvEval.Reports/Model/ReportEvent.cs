namespace AvEval.Reports.Model;

/// <summary>An event of a drive, as the run recorded it.</summary>
/// <param name="Kind">The event kind (<c>short_headway</c>).</param>
/// <param name="StartSeconds">Start, s (the scene's time).</param>
/// <param name="EndSeconds">End, s.</param>
/// <param name="Agents">The track ids involved.</param>
/// <param name="Summary">One sentence.</param>
public sealed record ReportEvent(string Kind, double StartSeconds, double EndSeconds, IReadOnlyList<string> Agents, string Summary);
