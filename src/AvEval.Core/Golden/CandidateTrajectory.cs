using AvEval.Geometry;

namespace AvEval.Golden;

/// <summary>A candidate future trajectory of the ego in its own frame at t = 0 (x forward, y left), one point per step.</summary>
/// <param name="Scene">The scene (rating context) the trajectory belongs to; items of one scene are rated together.</param>
/// <param name="InitialSpeedMetresPerSecond">The ego's speed at t = 0, m/s (scales Waymo's trust regions).</param>
/// <param name="StepSeconds">Time between points, s; the first point is at t = one step.</param>
/// <param name="Points">The waypoints, m.</param>
public sealed record CandidateTrajectory(string Scene, double InitialSpeedMetresPerSecond, double StepSeconds, IReadOnlyList<Point2> Points);
