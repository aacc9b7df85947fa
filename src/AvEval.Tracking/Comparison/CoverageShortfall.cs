using AvEval.Coverage;

namespace AvEval.Tracking.Comparison;

/// <summary>A taxonomy cell with fewer scenarios than the gate policy's coverage minimum.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Count">Scenarios it holds.</param>
/// <param name="Minimum">Scenarios the policy requires.</param>
public sealed record CoverageShortfall(TaxonomyCell Cell, int Count, int Minimum)
{
    /// <summary>One line, as <c>aveval gate</c> prints it and the report shows it.</summary>
    public string Message => $"coverage: {Cell} has {Count} scenario(s); the policy requires {Minimum}";
}
