namespace AvEval.Golden;

/// <summary>One item of a golden set: what the raters looked at. Exactly one of the payloads matches <paramref name="Kind"/>.</summary>
/// <param name="Id">Unique id within the set.</param>
/// <param name="Kind">What the item points at.</param>
/// <param name="Window">The drive window (<see cref="GoldenItemKind.DriveWindow"/>).</param>
/// <param name="Features">The feature row (<see cref="GoldenItemKind.FeatureRow"/>).</param>
/// <param name="Trajectory">The rated trajectory (<see cref="GoldenItemKind.RatedTrajectory"/>).</param>
public sealed record GoldenItem(
    string Id,
    GoldenItemKind Kind,
    DriveWindow? Window = null,
    IReadOnlyDictionary<string, double>? Features = null,
    CandidateTrajectory? Trajectory = null);
