namespace AvEval.Judges.Cards;

/// <summary>A judge card's provider: a local GGUF model (by path and SHA-256) or an OpenAI-compatible endpoint and model name.</summary>
/// <param name="Kind">Which provider.</param>
/// <param name="Model">The GGUF file's absolute path (local), or the model name the server serves.</param>
/// <param name="ModelSha256">The GGUF file's SHA-256, lowercase hex (local); null for a server, whose weights cannot be hashed from here.</param>
/// <param name="Endpoint">The server's base address, e.g. <c>http://127.0.0.1:8000/v1</c>; null for a local model.</param>
/// <param name="ApiKeyVariable">The environment variable holding the server's API key; null when none is sent.</param>
/// <param name="ContextSize">The local model's context, in tokens.</param>
/// <param name="Threads">The local model's CPU threads.</param>
/// <param name="PricePerThousandInputTokens">Cost of 1,000 prompt tokens, in US dollars (0 for a local model).</param>
/// <param name="PricePerThousandOutputTokens">Cost of 1,000 generated tokens, in US dollars (0 for a local model).</param>
/// <param name="RequestLogprobs">Whether to ask the server for token log-probabilities (for the probability-weighted score).</param>
public sealed record JudgeProvider(
    JudgeProviderKind Kind,
    string Model,
    string? ModelSha256,
    Uri? Endpoint,
    string? ApiKeyVariable,
    int ContextSize,
    int Threads,
    double PricePerThousandInputTokens,
    double PricePerThousandOutputTokens,
    bool RequestLogprobs)
{
    /// <summary>The model's identity for cache keys and manifests: <c>gguf:sha256:&lt;hash&gt;</c> or <c>openai:&lt;endpoint&gt;#&lt;model&gt;</c>.</summary>
    public string Identity => Kind == JudgeProviderKind.LlamaSharp ? $"gguf:sha256:{ModelSha256}" : $"openai:{Endpoint}#{Model}";
}
