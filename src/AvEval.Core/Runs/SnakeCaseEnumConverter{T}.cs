using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvEval.Runs;

/// <summary>Writes and reads an enum as its snake_case name (<c>complete</c>, <c>blocking</c>), as <see cref="RunJson"/> documents.</summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
