using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvEval.Judges.Caching;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Clients;

/// <summary>
/// An OpenAI-compatible chat-completions client (NVIDIA NIM, vLLM, Ollama, llama.cpp server) on <see cref="HttpClient"/>,
/// as an <see cref="IChatClient"/>: a JSON-Schema response format is sent as <c>response_format</c>
/// <c>{"type": "json_schema", "json_schema": {"name", "schema", "strict": true}}</c>; <c>seed</c>, <c>temperature</c>,
/// <c>top_p</c> and <c>max_tokens</c> from <see cref="ChatOptions"/>. Retries 429 and 5xx responses and failed connections
/// with exponential backoff (honouring <c>Retry-After</c>); any other status, a body that is not chat-completions JSON,
/// or no choice is a <see cref="JudgeProviderException"/>. A refusal (<c>message.refusal</c>) comes back with finish
/// reason <see cref="ChatFinishReason.ContentFilter"/> and the text under <see cref="RefusalProperty"/>; log-probabilities,
/// where returned, under <see cref="LogprobsProperty"/> as <see cref="TokenLogprob"/>s. Thread-safe.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    /// <summary>The <see cref="ChatResponse.AdditionalProperties"/> key of a refusal's text.</summary>
    public const string RefusalProperty = "refusal";

    /// <summary>The <see cref="ChatResponse.AdditionalProperties"/> key of the token log-probabilities (<c>IReadOnlyList&lt;TokenLogprob&gt;</c>).</summary>
    public const string LogprobsProperty = "logprobs";

    /// <summary>The <see cref="ChatResponse.AdditionalProperties"/> key of the number of HTTP attempts made.</summary>
    public const string AttemptsProperty = "attempts";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly OpenAiCompatibleOptions _options;
    private readonly Uri _completions;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The server, model and retry policy.</param>
    /// <param name="http">The HTTP client to use (not disposed here); null for an own one.</param>
    public OpenAiCompatibleChatClient(OpenAiCompatibleOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxRetries, 10);
        _options = options;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        string baseText = options.Endpoint.AbsoluteUri.TrimEnd('/');
        _completions = new Uri(baseText + "/chat/completions");
    }

    /// <summary>
    /// A message's content: its text, or, with attached images (a vision-language judge's bird's-eye view), the content
    /// parts of the chat-completions protocol: the text, then each image as an <c>image_url</c> part with a base64
    /// <c>data:</c> URL.
    /// </summary>
    private static JsonNode ContentOf(ChatMessage message)
    {
        var images = message.Contents.OfType<DataContent>().Where(d => d.HasTopLevelMediaType("image")).ToList();
        if (images.Count == 0)
        {
            return JsonValue.Create(message.Text);
        }

        var parts = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = message.Text } };
        foreach (var image in images)
        {
            parts.Add(new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = $"data:{image.MediaType};base64,{Convert.ToBase64String(image.Data.Span)}" } });
        }

        return parts;
    }

    /// <summary>The request body for messages and options (the chat-completions JSON).</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The options.</param>
    public string RequestBody(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var body = new JsonObject
        {
            ["model"] = options?.ModelId ?? _options.Model,
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role.Value, ["content"] = ContentOf(m) })]),
        };
        if (options?.Temperature is { } t)
        {
            body["temperature"] = t;
        }

        if (options?.TopP is { } p)
        {
            body["top_p"] = p;
        }

        if (options?.MaxOutputTokens is { } n)
        {
            body["max_tokens"] = n;
        }

        if (options?.Seed is { } seed)
        {
            body["seed"] = seed;
        }

        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
        {
            body["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = json.SchemaName ?? "judge_output", ["schema"] = JsonNode.Parse(schema.GetRawText()), ["strict"] = true },
            };
        }

        if (_options.RequestLogprobs)
        {
            body["logprobs"] = true;
            body["top_logprobs"] = 5;
        }

        return body.ToJsonString();
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string body = RequestBody(messages, options);
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _completions) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (_options.ApiKey is { } key)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt > _options.MaxRetries)
                {
                    throw new JudgeProviderException($"the judge server '{_completions}' could not be reached after {attempt} attempts ({e.Message})", e) { Attempts = attempt };
                }

                await Task.Delay(Backoff(attempt, null), cancellationToken);
                continue;
            }

            using (response)
            {
                int status = (int)response.StatusCode;
                if (status == 429 || status >= 500)
                {
                    if (attempt > _options.MaxRetries)
                    {
                        throw new JudgeProviderException($"the judge server '{_completions}' answered HTTP {status} to each of {attempt} attempts") { Status = status, Attempts = attempt };
                    }

                    await Task.Delay(Backoff(attempt, response), cancellationToken);
                    continue;
                }

                string text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new JudgeProviderException($"the judge server '{_completions}' answered HTTP {status} ('{Shorten(text)}'), which is not retried") { Status = status, Attempts = attempt };
                }

                var parsed = Parse(text);
                parsed.AdditionalProperties ??= [];
                parsed.AdditionalProperties[AttemptsProperty] = attempt;
                return parsed;
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai-compatible", _options.Endpoint, _options.Model)
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private TimeSpan Backoff(int attempt, HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta < _options.LongestDelay ? delta : _options.LongestDelay;
        }

        double ms = _options.FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, _options.LongestDelay.TotalMilliseconds));
    }

    private ChatResponse Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new JudgeProviderException($"the judge server '{_completions}' answered with a body that is not JSON ('{Shorten(text)}': {e.Message})", e);
        }

        if (root?["choices"] is not JsonArray { Count: > 0 } choices || choices[0] is not JsonObject choice || choice["message"] is not JsonObject message)
        {
            throw new JudgeProviderException($"the judge server '{_completions}' answered without 'choices[0].message' ('{Shorten(text)}')");
        }

        string? content = message["content"] is JsonValue c && c.TryGetValue(out string? s) ? s : null;
        string? refusal = message["refusal"] is JsonValue r && r.TryGetValue(out string? rs) ? rs : null;
        string finish = choice["finish_reason"] is JsonValue f && f.TryGetValue(out string? fs) ? fs : "stop";
        var result = new ChatResponse(new ChatMessage(ChatRole.Assistant, content ?? string.Empty))
        {
            ModelId = root["model"] is JsonValue m && m.TryGetValue(out string? ms) ? ms : _options.Model,
            FinishReason = refusal is not null ? ChatFinishReason.ContentFilter : finish switch
            {
                "stop" => ChatFinishReason.Stop,
                "length" => ChatFinishReason.Length,
                "content_filter" => ChatFinishReason.ContentFilter,
                "tool_calls" => ChatFinishReason.ToolCalls,
                _ => new ChatFinishReason(finish),
            },
            AdditionalProperties = [],
        };
        if (root["usage"] is JsonObject usage)
        {
            long? input = Long(usage["prompt_tokens"]);
            long? output = Long(usage["completion_tokens"]);
            result.Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
        }

        if (refusal is not null)
        {
            result.AdditionalProperties[RefusalProperty] = refusal;
        }

        if (choice["logprobs"]?["content"] is JsonArray tokens)
        {
            var list = new List<TokenLogprob>();
            foreach (var t in tokens.OfType<JsonObject>())
            {
                var top = new Dictionary<string, double>(StringComparer.Ordinal);
                if (t["top_logprobs"] is JsonArray alternatives)
                {
                    foreach (var a in alternatives.OfType<JsonObject>())
                    {
                        if (a["token"]?.GetValue<string>() is { } tok && Double(a["logprob"]) is { } lp)
                        {
                            top.TryAdd(tok, lp);
                        }
                    }
                }

                list.Add(new TokenLogprob(t["token"]?.GetValue<string>() ?? string.Empty, Double(t["logprob"]) ?? double.NegativeInfinity, top));
            }

            result.AdditionalProperties[LogprobsProperty] = list;
        }

        return result;
    }

    private static long? Long(JsonNode? n) => n is JsonValue v && v.TryGetValue(out long l) ? l : null;

    private static double? Double(JsonNode? n) => n is JsonValue v && v.TryGetValue(out double d) ? d : null;

    private static string Shorten(string s) => s.Length <= 80 ? s : string.Create(CultureInfo.InvariantCulture, $"{s[..80]}... ({s.Length} characters)");
}
