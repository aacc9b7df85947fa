namespace AvEval.Analysis;

/// <summary>The unit of a metric, spelled as scenario expectations write it (<c>m</c>, <c>s</c>, <c>m/s^2</c>).</summary>
/// <param name="Symbol">The unit symbol.</param>
public readonly record struct Unit(string Symbol)
{
    /// <summary>Metres.</summary>
    public static Unit Metre { get; } = new("m");

    /// <summary>Seconds.</summary>
    public static Unit Second { get; } = new("s");

    /// <summary>Metres per second.</summary>
    public static Unit MetrePerSecond { get; } = new("m/s");

    /// <summary>Metres per second squared.</summary>
    public static Unit MetrePerSecondSquared { get; } = new("m/s^2");

    /// <summary>Metres per second cubed.</summary>
    public static Unit MetrePerSecondCubed { get; } = new("m/s^3");

    /// <summary>Radians.</summary>
    public static Unit Radian { get; } = new("rad");

    /// <summary>Radians per second.</summary>
    public static Unit RadianPerSecond { get; } = new("rad/s");

    /// <summary>Radians per second squared.</summary>
    public static Unit RadianPerSecondSquared { get; } = new("rad/s^2");

    /// <summary>A pure number: a score, a ratio, a count.</summary>
    public static Unit Dimensionless { get; } = new("1");

    /// <summary>A truth value stored as 1 (true) or 0 (false).</summary>
    public static Unit Boolean { get; } = new("bool");

    /// <inheritdoc/>
    public override string ToString() => Symbol;
}
