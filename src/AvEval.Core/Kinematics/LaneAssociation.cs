namespace AvEval.Kinematics;

/// <summary>The lane a pose was associated with, and where it is in that lane's Frenet frame.</summary>
/// <param name="LaneIndex">Index of the lane in <see cref="SceneLaneIndex"/> (its position in the scene's lane graph).</param>
/// <param name="Position">Arc length along and offset from the lane's centreline, m.</param>
public readonly record struct LaneAssociation(int LaneIndex, FrenetPoint Position);
