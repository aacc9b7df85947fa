using AvEval.Kinematics;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's open-loop <c>SimplePlanner</c> (<c>nuplan/planning/simulation/planner/simple_planner.py</c>), the planner
/// nuPlan's metric tests compare with the expert: from the current rear-axle state it propagates nuPlan's
/// <c>KinematicBicycleModel</c> with a fixed steering angle for <c>horizon / sampling</c> steps. Each step, when the
/// speed exceeds the maximum, the commanded longitudinal acceleration becomes <c>max_velocity − speed</c>; the
/// commanded acceleration and steering angle then pass nuPlan's first-order command filter unchanged (the planner asks
/// for the state's own values), the pose is integrated with the longitudinal speed (forward Euler), the heading is
/// wrapped to [−π, π) (nuPlan principal_value), the lateral velocity becomes 0 and the acceleration is carried to the next state.
/// </summary>
/// <remarks>
/// nuPlan's metric tests build it as <c>SimplePlanner(horizon_seconds=10.0, sampling_time=1, acceleration=[0.0, 0.0])</c>:
/// the defaults here. nuPlan passes a 2-vector acceleration; the bicycle model reads only its longitudinal component,
/// which is what this class takes.
/// </remarks>
public sealed class NuPlanSimplePlanner
{
    /// <summary>The Pacifica's wheel base, m (nuPlan <c>get_pacifica_parameters().wheel_base</c>).</summary>
    public const double PacificaWheelBase = 3.089;

    /// <summary>Creates the planner.</summary>
    /// <param name="horizonSeconds">How far ahead it plans, s.</param>
    /// <param name="samplingSeconds">Its time step, s.</param>
    /// <param name="acceleration">Commanded longitudinal acceleration, m/s², until limited by <paramref name="maxVelocity"/>.</param>
    /// <param name="maxVelocity">Speed above which it decelerates, m/s.</param>
    /// <param name="steeringAngle">Fixed tire steering angle, rad.</param>
    /// <param name="wheelBase">Wheel base for the yaw rate, m.</param>
    /// <exception cref="ArgumentOutOfRangeException">A time, the maximum speed or the wheel base is not positive.</exception>
    public NuPlanSimplePlanner(double horizonSeconds = 10.0, double samplingSeconds = 1.0, double acceleration = 0.0, double maxVelocity = 5.0, double steeringAngle = 0.0, double wheelBase = PacificaWheelBase)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxVelocity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wheelBase);
        HorizonSeconds = horizonSeconds;
        SamplingSeconds = samplingSeconds;
        Acceleration = acceleration;
        MaxVelocity = maxVelocity;
        SteeringAngle = steeringAngle;
        WheelBase = wheelBase;
    }

    /// <summary>How far ahead it plans, s.</summary>
    public double HorizonSeconds { get; }

    /// <summary>Its time step, s.</summary>
    public double SamplingSeconds { get; }

    /// <summary>Commanded longitudinal acceleration, m/s².</summary>
    public double Acceleration { get; }

    /// <summary>Speed above which it decelerates, m/s.</summary>
    public double MaxVelocity { get; }

    /// <summary>Fixed tire steering angle, rad.</summary>
    public double SteeringAngle { get; }

    /// <summary>Wheel base, m.</summary>
    public double WheelBase { get; }

    /// <summary>
    /// The planned trajectory from a rear-axle state: that state (with the planner's acceleration) followed by one state
    /// per time step up to the horizon (nuPlan: <c>int(horizon_us / sampling_us)</c> steps), times increasing.
    /// </summary>
    /// <param name="current">The ego's current state at its rear axle.</param>
    /// <returns>Rear-axle states; velocities and accelerations in the ego frame.</returns>
    public IReadOnlyList<EgoSample> Plan(EgoSample current)
    {
        // nuPlan counts in whole microseconds: TimePoint(int(seconds * 1e6)).
        long horizonUs = (long)(HorizonSeconds * 1e6);
        long samplingUs = (long)(SamplingSeconds * 1e6);
        int steps = (int)(horizonUs / samplingUs);
        double dt = samplingUs / 1e6;
        var trajectory = new EgoSample[steps + 1];
        var state = current with { ALon = Acceleration, ALat = 0 };
        trajectory[0] = state;
        for (int k = 1; k <= steps; k++)
        {
            double ax = state.ALon;
            if (state.Speed > MaxVelocity)
            {
                ax = MaxVelocity - state.Speed;
            }

            double vx = state.VLon;
            double yawRate = vx * Math.Tan(SteeringAngle) / WheelBase;
            state = new EgoSample(
                current.TimeSeconds + (k * samplingUs / 1e6),
                state.X + (vx * Math.Cos(state.Heading) * dt),
                state.Y + (vx * Math.Sin(state.Heading) * dt),
                PrincipalValue(state.Heading + (yawRate * dt)),
                vx + (ax * dt),
                0.0,
                ax,
                0.0);
            trajectory[k] = state;
        }

        return trajectory;
    }

    /// <summary>
    /// The state of a trajectory at a time, interpolated linearly between its samples as nuPlan's
    /// <c>InterpolatedTrajectory</c> does (the heading along the shorter arc).
    /// </summary>
    /// <param name="trajectory">States with increasing times.</param>
    /// <param name="timeSeconds">A time within the trajectory, s.</param>
    /// <returns>The interpolated state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time lies outside the trajectory (beyond 1 µs).</exception>
    public static EgoSample StateAt(IReadOnlyList<EgoSample> trajectory, double timeSeconds)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        const double tolerance = 1e-6;
        if (trajectory.Count == 0 || timeSeconds < trajectory[0].TimeSeconds - tolerance || timeSeconds > trajectory[^1].TimeSeconds + tolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "The time lies outside the trajectory.");
        }

        int i = 1;
        while (i < trajectory.Count - 1 && trajectory[i].TimeSeconds < timeSeconds)
        {
            i++;
        }

        if (trajectory.Count == 1)
        {
            return trajectory[0];
        }

        var a = trajectory[i - 1];
        var b = trajectory[i];
        double f = Math.Clamp((timeSeconds - a.TimeSeconds) / (b.TimeSeconds - a.TimeSeconds), 0, 1);
        double Lerp(double x, double y) => x + ((y - x) * f);
        return new EgoSample(
            timeSeconds,
            Lerp(a.X, b.X),
            Lerp(a.Y, b.Y),
            a.Heading + (PrincipalValue(b.Heading - a.Heading) * f),
            Lerp(a.VLon, b.VLon),
            Lerp(a.VLat, b.VLat),
            Lerp(a.ALon, b.ALon),
            Lerp(a.ALat, b.ALat));
    }

    /// <summary>An angle wrapped to [−π, π) as nuPlan's <c>principal_value</c>.</summary>
    /// <param name="angle">Radians.</param>
    /// <returns>The wrapped angle, rad.</returns>
    public static double PrincipalValue(double angle) => ((angle + Math.PI) % (2 * Math.PI) + (2 * Math.PI)) % (2 * Math.PI) - Math.PI;
}
