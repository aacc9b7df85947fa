namespace AvEval.Kinematics;

/// <summary>A position in the Frenet frame of a <see cref="LanePath"/>: how far along it and how far beside it.</summary>
/// <param name="S">Arc length along the path from its first point, m; negative before the start and beyond
/// <see cref="LanePath.Length"/> past the end (the end segments are extrapolated).</param>
/// <param name="D">Signed lateral offset from the path, m; positive to the left of the driving direction.</param>
public readonly record struct FrenetPoint(double S, double D);
