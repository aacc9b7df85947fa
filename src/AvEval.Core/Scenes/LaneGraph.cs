namespace AvEval.Scenes;

/// <summary>The lanes of a scene and their links. Empty for logs without a map (comma2k19).</summary>
public sealed class LaneGraph
{
    private readonly Dictionary<LaneId, Lane> _byId;

    /// <summary>Creates a lane graph; lane ids must be unique.</summary>
    /// <exception cref="ArgumentException">Two lanes share an id.</exception>
    public LaneGraph(IEnumerable<Lane> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        Lanes = [.. lanes];
        _byId = new Dictionary<LaneId, Lane>(Lanes.Count);
        foreach (var lane in Lanes)
        {
            if (!_byId.TryAdd(lane.Id, lane))
            {
                throw new ArgumentException($"Lane id '{lane.Id}' appears twice in the lane graph.", nameof(lanes));
            }
        }
    }

    /// <summary>A lane graph with no lanes.</summary>
    public static LaneGraph Empty { get; } = new([]);

    /// <summary>All lanes, in source order.</summary>
    public IReadOnlyList<Lane> Lanes { get; }

    /// <summary>The lane with an id.</summary>
    /// <exception cref="KeyNotFoundException">No lane has that id.</exception>
    public Lane this[LaneId id] => _byId.TryGetValue(id, out var lane)
        ? lane
        : throw new KeyNotFoundException($"The lane graph has no lane '{id}'.");

    /// <summary>The lane with an id, if there is one.</summary>
    public bool TryGetLane(LaneId id, out Lane lane) => _byId.TryGetValue(id, out lane!);
}
