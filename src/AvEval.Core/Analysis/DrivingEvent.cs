using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// Something that happened in a drive, over the half-open log-time interval [<paramref name="StartSeconds"/>, <paramref name="EndSeconds"/>),
/// with the agents involved and the numbers that show it.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="StartSeconds">Log time of the first frame of the event, s.</param>
/// <param name="EndSeconds">Log time just past the last frame of the event, s.</param>
/// <param name="Agents">Tracks involved besides the ego (the cutting-in vehicle, the collision partner); may be empty.</param>
/// <param name="Evidence">Named values that show it, each name ending in its unit, e.g. <c>min_accel_mps2</c>, <c>gap_at_entry_m</c>.</param>
/// <param name="Summary">One sentence a driving engineer understands.</param>
public sealed record DrivingEvent(
    EventKind Kind,
    double StartSeconds,
    double EndSeconds,
    IReadOnlyList<TrackId> Agents,
    IReadOnlyDictionary<string, double> Evidence,
    string Summary)
{
    /// <summary>Duration, s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
