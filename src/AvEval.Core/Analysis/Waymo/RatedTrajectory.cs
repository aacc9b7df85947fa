using AvEval.Geometry;

namespace AvEval.Analysis.Waymo;

/// <summary>A trajectory a rater specified for a scene, in the ego frame at t = 0, with its score.</summary>
/// <param name="Points">Waypoints from t = one step, m (x forward, y left).</param>
/// <param name="Score">The rater's score, 0–10.</param>
public sealed record RatedTrajectory(IReadOnlyList<Point2> Points, double Score);
