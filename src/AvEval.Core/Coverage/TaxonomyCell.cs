namespace AvEval.Coverage;

/// <summary>One cell of the scenario taxonomy (<see cref="ScenarioTaxonomy"/>).</summary>
/// <param name="Behavior">The scenario's behaviour (<c>following_distance</c>).</param>
/// <param name="RoadType"><c>freeway</c>, <c>arterial</c> or <c>intersection</c>.</param>
/// <param name="SpeedBand"><c>low</c>, <c>medium</c> or <c>high</c>.</param>
/// <param name="Density"><c>light</c>, <c>moderate</c> or <c>dense</c>.</param>
public readonly record struct TaxonomyCell(string Behavior, string RoadType, string SpeedBand, string Density)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Behavior} × {RoadType} × {SpeedBand} speed × {Density} traffic";
}
