namespace AvEval.Judges.Clients;

/// <summary>How an <see cref="OpenAiCompatibleChatClient"/> reaches its server and retries.</summary>
/// <param name="Endpoint">The base address, e.g. <c>http://127.0.0.1:8000/v1</c> (<c>/chat/completions</c> is appended).</param>
/// <param name="Model">The model name the server serves.</param>
/// <param name="ApiKey">The bearer token; null to send none.</param>
/// <param name="MaxRetries">Retries after a 429, a 5xx or a failed connection (0–10).</param>
/// <param name="BaseDelay">The first retry's wait; each next one doubles it. A <c>Retry-After</c> header in seconds wins, capped at <see cref="MaxDelay"/>.</param>
/// <param name="MaxDelay">The longest wait between attempts.</param>
/// <param name="RequestLogprobs">Whether to ask for token log-probabilities (<c>logprobs</c>, <c>top_logprobs</c> 5).</param>
public sealed record OpenAiCompatibleOptions(
    Uri Endpoint,
    string Model,
    string? ApiKey = null,
    int MaxRetries = 3,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null,
    bool RequestLogprobs = false)
{
    /// <summary>The first retry's wait (default 0.5 s).</summary>
    public TimeSpan FirstDelay => BaseDelay ?? TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait (default 30 s).</summary>
    public TimeSpan LongestDelay => MaxDelay ?? TimeSpan.FromSeconds(30);
}
