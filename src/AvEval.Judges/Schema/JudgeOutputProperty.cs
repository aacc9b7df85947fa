namespace AvEval.Judges.Schema;

/// <summary>
/// One property of a judge's output object, in the supported JSON Schema subset: a string enum (<see cref="Enum"/>),
/// a string of at most <see cref="MaxLength"/> characters, an integer in [<see cref="Minimum"/>, <see cref="Maximum"/>],
/// a number, or a boolean.
/// </summary>
/// <param name="Name">The property name.</param>
/// <param name="Type">The JSON Schema type: <c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.</param>
/// <param name="Enum">The allowed strings of an enum; empty otherwise.</param>
/// <param name="MaxLength">The longest string allowed, in characters (UTF-16 code units); 0 when not a free string.</param>
/// <param name="Minimum">The smallest integer or number allowed; null when unbounded.</param>
/// <param name="Maximum">The largest integer or number allowed; null when unbounded.</param>
public sealed record JudgeOutputProperty(string Name, string Type, IReadOnlyList<string> Enum, int MaxLength, double? Minimum, double? Maximum);
