namespace AvEval.Scenes;

/// <summary>
/// One sample of a track in the scene's Cartesian frame (metres, radians, seconds).
/// Position is the centre of the bounding box.
/// </summary>
/// <param name="X">Box-centre x, m.</param>
/// <param name="Y">Box-centre y, m.</param>
/// <param name="Heading">Yaw of the box, rad, counter-clockwise from +x.</param>
/// <param name="Vx">Velocity x, m/s, scene frame.</param>
/// <param name="Vy">Velocity y, m/s, scene frame.</param>
/// <param name="Ax">Acceleration x, m/s², scene frame; 0 when <see cref="Track.HasAcceleration"/> is false.</param>
/// <param name="Ay">Acceleration y, m/s², scene frame; 0 when <see cref="Track.HasAcceleration"/> is false.</param>
public readonly record struct AgentState(double X, double Y, double Heading, double Vx, double Vy, double Ax = 0, double Ay = 0)
{
    /// <summary>Speed, m/s: the norm of the velocity.</summary>
    public double Speed => Math.Sqrt((Vx * Vx) + (Vy * Vy));
}
