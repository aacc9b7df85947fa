namespace AvEval.Analysis.Json;

/// <summary>An event in a document, over the half-open log-time interval [<paramref name="StartS"/>, <paramref name="EndS"/>).</summary>
/// <param name="Kind">snake_case kind, e.g. <c>cut_in</c>.</param>
/// <param name="StartS">Log time of its first frame, s.</param>
/// <param name="EndS">Log time just past its last frame, s.</param>
/// <param name="Agents">Other tracks involved.</param>
/// <param name="Evidence">Named values, each name ending in its unit, in ordinal name order.</param>
/// <param name="Summary">One sentence.</param>
public sealed record EventDocument(string Kind, double StartS, double EndS, IReadOnlyList<string> Agents, IReadOnlyDictionary<string, double> Evidence, string Summary)
{
    /// <summary>The document of an event.</summary>
    public static EventDocument From(DrivingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventDocument(e.Kind.Name, e.StartSeconds, e.EndSeconds, [.. e.Agents.Select(a => a.Value)], new SortedDictionary<string, double>(e.Evidence.ToDictionary(), StringComparer.Ordinal), e.Summary);
    }
}
