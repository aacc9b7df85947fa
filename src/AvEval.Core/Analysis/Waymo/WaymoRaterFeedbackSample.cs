using AvEval.Geometry;

namespace AvEval.Analysis.Waymo;

/// <summary>One frame of Waymo's published rater-feedback test samples.</summary>
/// <param name="Index">The frame's index in Waymo's test data.</param>
/// <param name="InitialSpeed">The ego's speed at t = 0, m/s.</param>
/// <param name="Raters">The rater-specified trajectories with their human scores (1 Hz waypoints, ego frame).</param>
/// <param name="Predictions">Per model name, the inference trajectory (1 Hz, 5 points) and Waymo's expected score with floor 0.</param>
public sealed record WaymoRaterFeedbackSample(
    int Index,
    double InitialSpeed,
    IReadOnlyList<RatedTrajectory> Raters,
    IReadOnlyDictionary<string, (IReadOnlyList<Point2> Trajectory, double ExpectedScore)> Predictions);
