using AvEval.Reasoning;

namespace AvEval.Judges.Reasoning;

/// <summary>How a free-text reasoning step mapped onto the maneuver taxonomy.</summary>
/// <param name="Maneuver">The maneuver; null when the text maps onto none.</param>
/// <param name="Method"><c>label</c> (the text starts with a taxonomy label), <c>rule</c> (keyword rules), <c>minilm</c> (nearest label description), or <c>none</c>.</param>
/// <param name="Similarity">For <c>minilm</c> and <c>none</c>: the cosine similarity of the nearest label description; else null.</param>
/// <param name="Nearest">For <c>minilm</c> and <c>none</c>: the nearest label; else null.</param>
public sealed record ManeuverMapping(Maneuver? Maneuver, string Method, double? Similarity = null, Maneuver? Nearest = null);
