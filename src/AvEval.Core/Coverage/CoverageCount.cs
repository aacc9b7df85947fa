namespace AvEval.Coverage;

/// <summary>The scenarios of one taxonomy cell.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Scenarios">Its scenarios, by id; empty for an empty cell.</param>
public sealed record CoverageCount(TaxonomyCell Cell, IReadOnlyList<string> Scenarios)
{
    /// <summary>How many scenarios the cell holds.</summary>
    public int Count => Scenarios.Count;
}
