using AvEval.Geometry;

namespace AvEval.Analysis.Waymo;

/// <summary>
/// Waymo's WOD-E2E Rater Feedback Score (METRICS.md, Waymo section; waymo-open-dataset
/// <c>rater_feedback_utils.get_rater_feedback_score</c>). Rater trajectories are truncated or padded (by repeating the
/// last waypoint) to <c>frequency · length</c> points. At t = 3 s and 5 s the distance from each rater trajectory to the
/// prediction is split along that rater trajectory's own direction of travel (its last displacement, the previous one
/// when it did not move, (1, 0) at the start) and across it, and normalised by the trust region — lateral
/// [1.0, 1.8]·lat·s m, longitudinal [1.0, 1.8]·lng·s m, s = clip(0.5 + 0.5·(v0 − 1.4)/(11 − 1.4), 0.5, 1) —
/// d = max(lng/thr, lat/thr). Per checkpoint the score is max over raters of label · decay^max(d − 1, 0); the result is the
/// mean over the two checkpoints, raised to the floor when no rater trajectory holds the prediction within its trust
/// region at both checkpoints; a set of predictions is weighted by their probabilities.
/// </summary>
public static class RaterFeedbackScore
{
    private static readonly int[] CheckpointSeconds = [3, 5];
    private static readonly double[] BaseThresholds = [1.0, 1.8];

    /// <summary>The trust-region speed scale s = clip(0.5 + 0.5·(v0 − 1.4)/(11 − 1.4), 0.5, 1).</summary>
    public static double SpeedScale(double initialSpeed) => Math.Clamp(0.5 + (0.5 * (initialSpeed - 1.4) / (11 - 1.4)), 0.5, 1.0);

    /// <summary>The score of one predicted trajectory.</summary>
    /// <param name="prediction">Exactly <c>frequency · length</c> waypoints in the ego frame at t = 0, m.</param>
    /// <param name="raters">The scene's rated trajectories (at least one).</param>
    /// <param name="initialSpeed">The ego's speed at t = 0, m/s.</param>
    /// <param name="options">Settings; null for Waymo's defaults.</param>
    public static RaterFeedbackResult Score(IReadOnlyList<Point2> prediction, IReadOnlyList<RatedTrajectory> raters, double initialSpeed, RaterFeedbackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(raters);
        var o = options ?? new RaterFeedbackOptions();
        int steps = o.FrequencyHz * o.LengthSeconds;
        if (prediction.Count != steps)
        {
            throw new ArgumentException($"The prediction has {prediction.Count} waypoints; the score needs exactly {steps} ({o.FrequencyHz} Hz for {o.LengthSeconds} s).", nameof(prediction));
        }

        if (raters.Count == 0)
        {
            throw new ArgumentException("The scene has no rated trajectories to score against.", nameof(raters));
        }

        double scale = SpeedScale(initialSpeed);
        var used = raters.Take(o.MaxRaterTrajectories).ToList();
        var perCheckpoint = new double[CheckpointSeconds.Length];
        var distances = new List<IReadOnlyList<double>>();
        bool within = false;
        foreach (var rater in used)
        {
            var points = Resample(rater.Points, steps);
            var directions = Directions(points);
            var d = new double[CheckpointSeconds.Length];
            bool inside = true;
            for (int c = 0; c < CheckpointSeconds.Length; c++)
            {
                int k = (CheckpointSeconds[c] * o.FrequencyHz) - 1;
                var lng = directions[k];
                var lat = new Point2(-lng.Y, lng.X);
                var v = prediction[k] - points[k];
                double lngDistance = Math.Abs(v.Dot(lng)), latDistance = Math.Abs(v.Dot(lat));
                double lngThreshold = BaseThresholds[c] * o.LongitudinalMultiplier * scale;
                double latThreshold = BaseThresholds[c] * o.LateralMultiplier * scale;
                d[c] = Math.Max(lngDistance / lngThreshold, latDistance / latThreshold);
                inside &= d[c] <= 1.0;
                double score = rater.Score * Math.Pow(o.DecayFactor, Math.Max(d[c] - 1.0, 0.0));
                perCheckpoint[c] = Math.Max(perCheckpoint[c], score);
            }

            within |= inside;
            distances.Add(d);
        }

        double mean = perCheckpoint.Average();
        return new RaterFeedbackResult(within ? mean : Math.Max(o.MinimumScoreOutsideTrustRegion, mean), within, distances);
    }

    /// <summary>The probability-weighted score of a set of predictions: Σ probability · score.</summary>
    public static double Score(IReadOnlyList<(IReadOnlyList<Point2> Trajectory, double Probability)> predictions, IReadOnlyList<RatedTrajectory> raters, double initialSpeed, RaterFeedbackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Sum(p => p.Probability * Score(p.Trajectory, raters, initialSpeed, options).Score);
    }

    private static Point2[] Resample(IReadOnlyList<Point2> points, int steps)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A rated trajectory has no waypoints.", nameof(points));
        }

        var result = new Point2[steps];
        for (int k = 0; k < steps; k++)
        {
            result[k] = points[Math.Min(k, points.Count - 1)];
        }

        return result;
    }

    // Unit direction of travel at each waypoint: the displacement from the previous one (from the origin for the first);
    // where the trajectory did not move, the previous direction; (1, 0) when it has not moved yet.
    private static Point2[] Directions(Point2[] points)
    {
        var result = new Point2[points.Length];
        var previous = new Point2(0, 0);
        var direction = new Point2(1, 0);
        for (int k = 0; k < points.Length; k++)
        {
            var displacement = points[k] - previous;
            double length = displacement.Length;
            if (length != 0)
            {
                direction = displacement * (1 / length);
            }

            result[k] = direction;
            previous = points[k];
        }

        return result;
    }
}
