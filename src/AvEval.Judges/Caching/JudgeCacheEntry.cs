using System.Text.Json.Serialization;

namespace AvEval.Judges.Caching;

/// <summary>One recorded judge response (one line of the response cache), with what it was keyed by.</summary>
/// <param name="Key">The cache key (<see cref="JudgeResponseCache.KeyOf"/>).</param>
/// <param name="Model">The model identity.</param>
/// <param name="PromptSha256">The prompt template's SHA-256.</param>
/// <param name="InputSha256">The SHA-256 of the rendered messages.</param>
/// <param name="Sampling">The canonical sampling parameters of this sample.</param>
/// <param name="Text">The answer's text exactly as received; null when the model refused.</param>
/// <param name="FinishReason">Why generation stopped: <c>stop</c>, <c>length</c>, <c>content_filter</c>, ...</param>
/// <param name="Refusal">The model's refusal text, where it refused; else null.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="Logprobs">Per generated token, its text, log-probability (natural log) and the top alternatives; null when the provider returned none.</param>
public sealed record JudgeCacheEntry(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("prompt_sha256")] string PromptSha256,
    [property: JsonPropertyName("input_sha256")] string InputSha256,
    [property: JsonPropertyName("sampling")] string Sampling,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("finish_reason")] string FinishReason,
    [property: JsonPropertyName("refusal")] string? Refusal,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("logprobs")] IReadOnlyList<TokenLogprob>? Logprobs);
