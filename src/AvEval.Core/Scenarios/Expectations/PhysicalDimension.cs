namespace AvEval.Scenarios.Expectations;

/// <summary>What a unit measures; two units compare only within one dimension.</summary>
public enum PhysicalDimension
{
    /// <summary>Distance (SI: m).</summary>
    Length,

    /// <summary>Duration (SI: s).</summary>
    Time,

    /// <summary>Speed (SI: m/s).</summary>
    Speed,

    /// <summary>Acceleration (SI: m/s^2).</summary>
    Acceleration,

    /// <summary>Jerk (SI: m/s^3).</summary>
    Jerk,

    /// <summary>Angle (SI: rad).</summary>
    Angle,

    /// <summary>Angular rate (SI: rad/s).</summary>
    AngularRate,

    /// <summary>Angular acceleration (SI: rad/s^2).</summary>
    AngularAcceleration,

    /// <summary>A pure number: a count, a ratio, a score (SI: 1).</summary>
    Dimensionless,

    /// <summary>A truth value stored as 1 or 0.</summary>
    Boolean,
}
