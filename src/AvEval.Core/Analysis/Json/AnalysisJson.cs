using System.Text.Json.Serialization;

namespace AvEval.Analysis.Json;

/// <summary>
/// The one serializer of analysis documents (System.Text.Json source generation), with the conventions of
/// <see cref="Runs.RunJson"/>: snake_case names, infinite and NaN numbers as the strings <c>"Infinity"</c>,
/// <c>"-Infinity"</c>, <c>"NaN"</c>; indented, since <c>aveval analyze --format json</c> is also read by people.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(SceneSummary))]
[JsonSerializable(typeof(EvaluationDocument))]
[JsonSerializable(typeof(double?))]
public sealed partial class AnalysisJson : JsonSerializerContext;
