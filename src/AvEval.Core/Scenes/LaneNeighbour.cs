namespace AvEval.Scenes;

/// <summary>A lane adjacent to another, and whether traffic in it drives the same way.</summary>
/// <param name="Lane">The adjacent lane.</param>
/// <param name="SameDirection">True when it is driven in the same direction as the lane it is beside.</param>
public readonly record struct LaneNeighbour(LaneId Lane, bool SameDirection);
