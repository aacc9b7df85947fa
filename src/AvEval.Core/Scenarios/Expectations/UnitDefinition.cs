using System.Globalization;

namespace AvEval.Scenarios.Expectations;

/// <summary>A unit an expectation may be written in: its symbol, what it measures, and how many SI units one of it is.</summary>
/// <param name="Symbol">As written, e.g. <c>km/h</c>.</param>
/// <param name="Dimension">What it measures.</param>
/// <param name="FactorToSi">Value in SI = value in this unit × factor (e.g. 1/3.6 for km/h).</param>
public sealed record UnitDefinition(string Symbol, PhysicalDimension Dimension, double FactorToSi)
{
    /// <summary>A value in this unit, in SI.</summary>
    public double ToSi(double value) => value * FactorToSi;

    /// <summary>A value in SI, in this unit.</summary>
    public double FromSi(double value) => value / FactorToSi;

    /// <summary>The dimension in words, for messages (<c>speed</c>, <c>angular rate</c>).</summary>
    public string DimensionName => Dimension switch
    {
        PhysicalDimension.AngularRate => "angular rate",
        PhysicalDimension.AngularAcceleration => "angular acceleration",
        PhysicalDimension.Boolean => "truth value",
        _ => Dimension.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override string ToString() => Symbol;
}
