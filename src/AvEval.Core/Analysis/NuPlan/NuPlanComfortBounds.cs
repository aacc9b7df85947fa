namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's comfort bounds; every sample must lie strictly inside. Defaults are nuPlan's configuration
/// (<c>ego_is_comfortable</c> and its six metrics; METRICS.md).
/// </summary>
/// <param name="MinLonAcceleration">Lower bound of longitudinal acceleration, m/s² (−4.05).</param>
/// <param name="MaxLonAcceleration">Upper bound of longitudinal acceleration, m/s² (2.40).</param>
/// <param name="MaxAbsLatAcceleration">Bound of |lateral acceleration|, m/s² (4.89).</param>
/// <param name="MaxAbsJerk">Bound of |jerk|, m/s³ (8.37).</param>
/// <param name="MaxAbsLonJerk">Bound of |longitudinal jerk|, m/s³ (4.13).</param>
/// <param name="MaxAbsYawRate">Bound of |yaw rate|, rad/s (0.95).</param>
/// <param name="MaxAbsYawAcceleration">Bound of |yaw acceleration|, rad/s² (1.93).</param>
public sealed record NuPlanComfortBounds(
    double MinLonAcceleration = -4.05,
    double MaxLonAcceleration = 2.40,
    double MaxAbsLatAcceleration = 4.89,
    double MaxAbsJerk = 8.37,
    double MaxAbsLonJerk = 4.13,
    double MaxAbsYawRate = 0.95,
    double MaxAbsYawAcceleration = 1.93)
{
    /// <summary>nuPlan's configured bounds.</summary>
    public static NuPlanComfortBounds Default { get; } = new();
}
