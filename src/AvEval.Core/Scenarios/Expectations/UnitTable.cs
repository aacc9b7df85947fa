using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// The units expectations may be written in, with their dimension and factor to SI. Symbols are case-sensitive
/// (<c>m</c> is metres, not <c>M</c>); <c>^</c> writes powers (<c>m/s^2</c>).
/// </summary>
public static class UnitTable
{
    private static readonly UnitDefinition[] All =
    [
        new("m", PhysicalDimension.Length, 1.0),
        new("km", PhysicalDimension.Length, 1000.0),
        new("s", PhysicalDimension.Time, 1.0),
        new("ms", PhysicalDimension.Time, 1e-3),
        new("m/s", PhysicalDimension.Speed, 1.0),
        new("km/h", PhysicalDimension.Speed, 1000.0 / 3600.0),

        // International mile of 1609.344 m per hour: 0.44704 m/s exactly.
        new("mph", PhysicalDimension.Speed, 0.44704),
        new("m/s^2", PhysicalDimension.Acceleration, 1.0),
        new("m/s^3", PhysicalDimension.Jerk, 1.0),
        new("rad", PhysicalDimension.Angle, 1.0),
        new("deg", PhysicalDimension.Angle, Math.PI / 180.0),
        new("rad/s", PhysicalDimension.AngularRate, 1.0),
        new("deg/s", PhysicalDimension.AngularRate, Math.PI / 180.0),
        new("rad/s^2", PhysicalDimension.AngularAcceleration, 1.0),
        new("deg/s^2", PhysicalDimension.AngularAcceleration, Math.PI / 180.0),
        new("1", PhysicalDimension.Dimensionless, 1.0),
        new("bool", PhysicalDimension.Boolean, 1.0),
    ];

    private static readonly Dictionary<string, UnitDefinition> BySymbol = All.ToDictionary(u => u.Symbol, StringComparer.Ordinal);

    /// <summary>Every unit, in table order.</summary>
    public static IReadOnlyList<UnitDefinition> Units => All;

    /// <summary>The unit with a symbol, if the table has it.</summary>
    public static bool TryFind(string symbol, out UnitDefinition unit) => BySymbol.TryGetValue(symbol, out unit!);

    /// <summary>The definition of an analyzer's unit, if the table has it.</summary>
    public static bool TryFind(Unit unit, out UnitDefinition definition) => TryFind(unit.Symbol, out definition);

    /// <summary>The symbols of every unit, for messages.</summary>
    public static string Symbols => string.Join(", ", All.Select(u => u.Symbol));

    /// <summary>Symbols of the units of one dimension, for messages (<c>s, ms</c>).</summary>
    public static string SymbolsOf(PhysicalDimension dimension) =>
        string.Join(" or ", All.Where(u => u.Dimension == dimension).Select(u => u.Symbol));
}
