namespace AvEval.Scenes;

/// <summary>The footprint of an agent's bounding box, in metres.</summary>
/// <param name="Length">Extent along the heading, m; positive.</param>
/// <param name="Width">Extent across the heading, m; positive.</param>
public readonly record struct BoxSize(double Length, double Width);
