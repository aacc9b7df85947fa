using System.Text.Json.Serialization;

namespace AvEval.Judges.Caching;

/// <summary>One generated token's log-probability (natural log) and the provider's top alternatives at that position.</summary>
/// <param name="Token">The token's text.</param>
/// <param name="Logprob">Its log-probability.</param>
/// <param name="Top">The top alternatives (token → log-probability), the chosen one included where the provider lists it.</param>
public sealed record TokenLogprob(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("logprob")] double Logprob,
    [property: JsonPropertyName("top")] IReadOnlyDictionary<string, double> Top);
