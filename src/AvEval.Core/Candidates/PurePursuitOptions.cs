namespace AvEval.Candidates;

/// <summary>
/// Parameters of the pure-pursuit path tracker of R. C. Coulter, "Implementation of the Pure Pursuit Path Tracking
/// Algorithm", CMU-RI-TR-92-01 (1992), steering a kinematic bicycle whose reference point is the rear axle.
/// </summary>
/// <param name="LookaheadTime">The goal point lies this many seconds of travel ahead along the lane centreline, s.</param>
/// <param name="MinimumLookahead">The goal point is never nearer than this, m (keeps slow driving from oscillating).</param>
/// <param name="WheelbaseFraction">Wheelbase as a fraction of the ego's recorded box length (a 2.7 m wheelbase on a 4.5 m car is 0.6); the axles sit symmetrically about the box centre.</param>
/// <param name="MaxSteering">Largest front-wheel steering angle, rad.</param>
public sealed record PurePursuitOptions(
    double LookaheadTime = 1.0,
    double MinimumLookahead = 8.0,
    double WheelbaseFraction = 0.6,
    double MaxSteering = 0.5)
{
    /// <summary>The defaults.</summary>
    public static PurePursuitOptions Default { get; } = new();
}
