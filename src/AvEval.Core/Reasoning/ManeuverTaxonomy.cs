namespace AvEval.Reasoning;

/// <summary>
/// The maneuver taxonomy of reasoning traces: longitudinal {accelerate, keep, decelerate, stop} × lateral {keep-lane,
/// change-left, change-right}. A longitudinal acceleration a (m/s²) at speed v (m/s) is <c>stop</c> when
/// v &lt; <see cref="StopSpeed"/> and a ≤ <see cref="AccelerationBand"/>, else <c>accelerate</c> when a &gt;
/// <see cref="AccelerationBand"/>, <c>decelerate</c> when a &lt; −<see cref="AccelerationBand"/>, else <c>keep</c>.
/// The band (0.3 m/s²) is AvEval's choice, about a tenth of a comfortable braking, not a published threshold.
/// </summary>
public static class ManeuverTaxonomy
{
    /// <summary>The acceleration band of <c>keep</c>, m/s².</summary>
    public const double AccelerationBand = 0.3;

    /// <summary>Below this speed a vehicle that is not accelerating is stopping or stopped, m/s.</summary>
    public const double StopSpeed = 0.5;

    /// <summary>Every label of the taxonomy, longitudinal-major.</summary>
    public static IReadOnlyList<Maneuver> All { get; } =
        [.. Enum.GetValues<LongitudinalManeuver>().SelectMany(lon => Enum.GetValues<LateralManeuver>().Select(lat => new Maneuver(lon, lat)))];

    /// <summary>The longitudinal part for an acceleration (m/s²) at a speed (m/s), by the rule above.</summary>
    /// <param name="acceleration">Longitudinal acceleration, m/s².</param>
    /// <param name="speed">Speed, m/s.</param>
    public static LongitudinalManeuver Classify(double acceleration, double speed) =>
        speed < StopSpeed && acceleration <= AccelerationBand ? LongitudinalManeuver.Stop
        : acceleration > AccelerationBand ? LongitudinalManeuver.Accelerate
        : acceleration < -AccelerationBand ? LongitudinalManeuver.Decelerate
        : LongitudinalManeuver.Keep;

    /// <summary>The trace name of a longitudinal part.</summary>
    /// <param name="maneuver">The part.</param>
    public static string NameOf(LongitudinalManeuver maneuver) => maneuver switch
    {
        LongitudinalManeuver.Accelerate => "accelerate",
        LongitudinalManeuver.Keep => "keep",
        LongitudinalManeuver.Decelerate => "decelerate",
        LongitudinalManeuver.Stop => "stop",
        _ => throw new ArgumentOutOfRangeException(nameof(maneuver), maneuver, "Not a longitudinal maneuver."),
    };

    /// <summary>The trace name of a lateral part.</summary>
    /// <param name="maneuver">The part.</param>
    public static string NameOf(LateralManeuver maneuver) => maneuver switch
    {
        LateralManeuver.KeepLane => "keep-lane",
        LateralManeuver.ChangeLeft => "change-left",
        LateralManeuver.ChangeRight => "change-right",
        _ => throw new ArgumentOutOfRangeException(nameof(maneuver), maneuver, "Not a lateral maneuver."),
    };

    /// <summary>Parses a longitudinal name; false for anything else.</summary>
    /// <param name="text">The name.</param>
    /// <param name="maneuver">The part, when it parses.</param>
    public static bool TryParseLongitudinal(string? text, out LongitudinalManeuver maneuver)
    {
        foreach (var m in Enum.GetValues<LongitudinalManeuver>())
        {
            if (NameOf(m) == text)
            {
                maneuver = m;
                return true;
            }
        }

        maneuver = default;
        return false;
    }

    /// <summary>Parses a lateral name; false for anything else.</summary>
    /// <param name="text">The name.</param>
    /// <param name="maneuver">The part, when it parses.</param>
    public static bool TryParseLateral(string? text, out LateralManeuver maneuver)
    {
        foreach (var m in Enum.GetValues<LateralManeuver>())
        {
            if (NameOf(m) == text)
            {
                maneuver = m;
                return true;
            }
        }

        maneuver = default;
        return false;
    }
}
