using System.Text.Json.Serialization;

namespace AvEval.Reports.Model;

/// <summary>Source-generated JSON for <see cref="ReportDocument"/>: camelCase names, nulls written, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
