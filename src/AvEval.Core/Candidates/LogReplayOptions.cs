namespace AvEval.Candidates;

/// <summary>How log replay finds the lead and steps time.</summary>
/// <param name="CorridorMargin">
/// An agent is on the ego's path when the lateral extent of its box (its corners' signed offsets from the recorded ego
/// polyline) overlaps the band of half-width ego width / 2 + this margin, m. A vehicle cutting in becomes the lead as
/// soon as a corner enters that band.
/// </param>
/// <param name="Lookahead">Agents farther ahead along the path than this are ignored, m.</param>
/// <param name="DecisionPeriod">Time between planner decisions, s; the acceleration is held in between (10 Hz by default).</param>
/// <param name="MaxDeceleration">The vehicle cannot brake harder than this, m/s² (about 0.9 g, dry asphalt).</param>
public sealed record LogReplayOptions(
    double CorridorMargin = 0.3,
    double Lookahead = 250.0,
    double DecisionPeriod = 0.1,
    double MaxDeceleration = 9.0)
{
    /// <summary>The defaults.</summary>
    public static LogReplayOptions Default { get; } = new();
}
