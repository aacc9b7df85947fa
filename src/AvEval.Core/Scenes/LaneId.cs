namespace AvEval.Scenes;

/// <summary>The identity of a lane in a scene's lane graph, as the source spells it (a CommonRoad lanelet id, an Argoverse 2 lane segment id).</summary>
/// <param name="Value">The source's id.</param>
public readonly record struct LaneId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
