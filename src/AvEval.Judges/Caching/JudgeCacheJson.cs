using System.Text.Json.Serialization;

namespace AvEval.Judges.Caching;

/// <summary>The response cache's source-generated serializer (compact, one entry per line).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JudgeCacheEntry))]
internal sealed partial class JudgeCacheJson : JsonSerializerContext;
