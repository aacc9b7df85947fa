using AvEval.Scenes;

namespace AvEval.Errors;

/// <summary>An analysis was asked for something the scene does not have (an ego that is not one of its tracks).</summary>
public sealed class AnalysisInputException : AvEvalException
{
    private AnalysisInputException(string message)
        : base(message)
    {
    }

    /// <summary>The requested ego is not a track of the scene; the message lists some that are.</summary>
    public static AnalysisInputException UnknownEgo(string log, TrackId ego, IEnumerable<TrackId> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var known = tracks.Select(t => $"'{t}'").ToList();
        var shown = known.Count > 12 ? string.Join(", ", known.Take(12)) + $" and {known.Count - 12} more" : string.Join(", ", known);
        return new AnalysisInputException($"{log}: there is no track '{ego}' to analyze as ego; pick one of {shown}.");
    }
}
