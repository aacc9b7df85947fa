namespace AvEval.Scenes;

/// <summary>
/// The identity of a track within one scene, as the source dataset spells it (an NGSIM obstacle number,
/// an Argoverse 2 track UUID, <c>AV</c> for a recorded ego).
/// </summary>
/// <param name="Value">The source's id, never empty.</param>
public readonly record struct TrackId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
