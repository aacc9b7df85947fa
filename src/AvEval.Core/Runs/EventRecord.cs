namespace AvEval.Runs;

/// <summary>One event of a case's drive, on log time (seconds), half-open [start, end).</summary>
/// <param name="Kind">The event kind (<c>cut_in</c>).</param>
/// <param name="StartSeconds">Start, log time in seconds.</param>
/// <param name="EndSeconds">End, log time in seconds.</param>
/// <param name="Agents">The track ids involved.</param>
/// <param name="Summary">One sentence.</param>
public sealed record EventRecord(string Kind, double StartSeconds, double EndSeconds, IReadOnlyList<string> Agents, string Summary);
