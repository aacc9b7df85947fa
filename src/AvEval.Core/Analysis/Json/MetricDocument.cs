using System.Text.Json.Serialization;

namespace AvEval.Analysis.Json;

/// <summary>A metric in a document: <c>value</c> is null when it could not be computed, and <c>reason</c> says why.</summary>
/// <param name="Name">Dotted name.</param>
/// <param name="Value">Value in <paramref name="Unit"/>; null when not computed; may be <c>"Infinity"</c>.</param>
/// <param name="Unit">Unit symbol, e.g. <c>m/s^2</c>.</param>
/// <param name="Definition">Whose definition it follows and how it is computed.</param>
/// <param name="Reason">Why there is no value, or a note on how it was computed; absent when there is nothing to say.</param>
public sealed record MetricDocument(
    string Name,
    double? Value,
    string Unit,
    string Definition,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
