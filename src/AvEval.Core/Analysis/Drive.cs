using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>A candidate's result on one scenario: the scene with the ego's trajectory as driven, and which track is the ego.</summary>
/// <param name="Scene">The scene, holding the ego's track among the others.</param>
/// <param name="Ego">The ego track's id.</param>
public sealed record Drive(Scene Scene, TrackId Ego)
{
    /// <summary>The ego's track.</summary>
    /// <exception cref="KeyNotFoundException">The ego is not a track of the scene.</exception>
    public Track EgoTrack => Scene[Ego];

    /// <summary>The reasons the candidate gave for its decisions on this drive; null when it gave none.</summary>
    public Reasoning.ReasoningTrace? Trace { get; init; }
}
