namespace AvEval.Kinematics;

/// <summary>
/// One state of the ego as a comfort or safety rule reads it: a pose of a reference point on the vehicle (nuPlan uses
/// the rear axle; scene tracks give the box centre), and velocity and acceleration in the ego's own frame
/// (x forward, y left).
/// </summary>
/// <param name="TimeSeconds">Log time in seconds.</param>
/// <param name="X">Reference point x in metres (scene frame).</param>
/// <param name="Y">Reference point y in metres (scene frame).</param>
/// <param name="Heading">Heading in radians, counter-clockwise from the scene's x axis; need not be wrapped.</param>
/// <param name="VLon">Longitudinal velocity in m/s (ego frame).</param>
/// <param name="VLat">Lateral velocity in m/s (ego frame, positive left).</param>
/// <param name="ALon">Longitudinal acceleration in m/s² (ego frame).</param>
/// <param name="ALat">Lateral acceleration in m/s² (ego frame, positive left).</param>
public readonly record struct EgoSample(
    double TimeSeconds,
    double X,
    double Y,
    double Heading,
    double VLon,
    double VLat,
    double ALon,
    double ALat)
{
    /// <summary>Speed in m/s: the magnitude of the velocity (nuPlan <c>dynamic_car_state.speed</c>).</summary>
    public double Speed => Math.Sqrt((VLon * VLon) + (VLat * VLat));

    /// <summary>Magnitude of the acceleration in m/s² (nuPlan <c>dynamic_car_state.acceleration</c>).</summary>
    public double AccelerationMagnitude => Math.Sqrt((ALon * ALon) + (ALat * ALat));
}
