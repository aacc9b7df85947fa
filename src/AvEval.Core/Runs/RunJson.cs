using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvEval.Runs;

/// <summary>
/// The one serializer of the run result model (System.Text.Json source generation): snake_case names, enums as
/// snake_case strings, infinite and NaN numbers as the strings <c>"Infinity"</c>, <c>"-Infinity"</c>, <c>"NaN"</c>.
/// Documents that carry a run or a case say their format in a <c>format</c> field (<see cref="RunFormat"/>,
/// <see cref="CaseFormat"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = false,
    Converters = [typeof(SnakeCaseEnumConverter<RunStatus>), typeof(SnakeCaseEnumConverter<Scenarios.Outcome>), typeof(SnakeCaseEnumConverter<Scenarios.Severity>)])]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(CaseRecord))]
[JsonSerializable(typeof(IReadOnlyList<CaseRecord>))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(IReadOnlyList<RunSummary>))]
[JsonSerializable(typeof(RunDocument))]
[JsonSerializable(typeof(CaseDocument))]
public sealed partial class RunJson : JsonSerializerContext
{
    /// <summary>The format of a whole run document (manifest, status and cases).</summary>
    public const string RunFormat = "aveval.run/1";

    /// <summary>The format of one case document (a scenario result).</summary>
    public const string CaseFormat = "aveval.scenario-result/1";

    /// <summary>Serializes a value with this context's options.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, typeof(T), Default);
}
