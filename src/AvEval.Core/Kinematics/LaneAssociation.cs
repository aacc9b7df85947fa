namespace AvEval.Kinematics;

/// <summary>The lane a pose was associated with, and where it is in that lane's Frenet frame.</summary>
/// <param name="LaneIndex">Index of the lane in <see cref="SceneLaneIndex"/> (its position in the scene's lane graph).</param>
/// <param name="Position">Arc length along and offset from the lane's centreline, m.</param>
/// <param name="Segment">The centreline segment the pose was projected onto; its direction is the lane direction at the
/// pose (at a centreline vertex the projection decides, so heading checks and speeds along the lane agree).</param>
public readonly record struct LaneAssociation(int LaneIndex, FrenetPoint Position, int Segment);
