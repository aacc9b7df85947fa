using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AvEval.Judges.Schema;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Clients;

/// <summary>
/// The embedded default judge provider: a local GGUF model on LLamaSharp 0.30 (llama.cpp, CPU backend) as an
/// <see cref="IChatClient"/>. Each call decodes in a fresh context from the shared weights; sampling follows
/// <see cref="ChatOptions"/> (temperature, top-p, seed, maximum output tokens), and a JSON-Schema response format
/// (<see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/>) becomes a GBNF grammar
/// (<see cref="JudgeOutputSchema.ToGbnf"/>), so that the answer is always well-formed JSON of that shape. Messages are
/// joined as plain text (role, then content), since judge models need not share a chat template. An answer cut at the
/// maximum output tokens has finish reason <see cref="ChatFinishReason.Length"/>. Cancellation stops decoding between
/// tokens. Thread-safe; calls run concurrently on separate contexts.
/// </summary>
public sealed class LlamaSharpChatClient : IChatClient
{
    private readonly LLamaWeights _weights;
    private readonly ModelParams _parameters;
    private readonly string _modelId;

    private LlamaSharpChatClient(LLamaWeights weights, ModelParams parameters, string modelId)
    {
        _weights = weights;
        _parameters = parameters;
        _modelId = modelId;
    }

    /// <summary>Loads a GGUF file.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="modelId">The identity reported as <see cref="ChatResponse.ModelId"/> (e.g. <c>gguf:sha256:...</c>).</param>
    /// <param name="contextSize">The context, in tokens.</param>
    /// <param name="threads">CPU threads for decoding.</param>
    public static LlamaSharpChatClient Load(string path, string modelId, int contextSize = 2048, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextSize, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var parameters = new ModelParams(path) { ContextSize = (uint)contextSize, Threads = threads, BatchThreads = threads, GpuLayerCount = 0 };
        return new LlamaSharpChatClient(LLamaWeights.LoadFromFile(parameters), parameters, modelId);
    }

    /// <summary>How many tokens a text is for this model (with the beginning-of-sequence token).</summary>
    /// <param name="text">The text.</param>
    public int CountTokens(string text) => _weights.Tokenize(text, true, false, Encoding.UTF8).Length;

    /// <summary>The plain-text prompt that messages become.</summary>
    /// <param name="messages">The messages.</param>
    public static string PromptOf(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Append(m.Role.Value).Append(":\n").Append(m.Text).Append("\n\n");
        }

        return sb.Append("assistant:\n").ToString();
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string prompt = PromptOf(messages);
        int maxTokens = options?.MaxOutputTokens ?? 256;
        var sampling = new DefaultSamplingPipeline
        {
            Temperature = options?.Temperature ?? 0.8f,
            TopP = options?.TopP ?? 0.95f,
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : 0u,
            Grammar = GrammarOf(options),
        };
        var inference = new InferenceParams { MaxTokens = maxTokens, SamplingPipeline = sampling, AntiPrompts = [] };
        var executor = new StatelessExecutor(_weights, _parameters);
        var text = new StringBuilder();
        int generated = 0;
        var started = Stopwatch.GetTimestamp();
        await foreach (string piece in executor.InferAsync(prompt, inference, cancellationToken).WithCancellation(cancellationToken))
        {
            text.Append(piece);
            generated++;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()))
        {
            ModelId = _modelId,
            FinishReason = generated >= maxTokens ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = CountTokens(prompt), OutputTokenCount = generated, TotalTokenCount = CountTokens(prompt) + generated },
            AdditionalProperties = new() { ["latency_ms"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds },
        };
        return response;
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
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("llamasharp", null, _modelId)
            : null;
    }

    /// <inheritdoc/>
    public void Dispose() => _weights.Dispose();

    private static Grammar? GrammarOf(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(GbnfProperty, out object? g) == true && g is string gbnf)
        {
            return new Grammar(gbnf, "root");
        }

        return options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema }
            ? new Grammar(JudgeOutputSchema.From(schema, "response format").ToGbnf(), "root")
            : null;
    }

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of an explicit GBNF grammar (a string), which wins over the response format's schema.</summary>
    public const string GbnfProperty = "gbnf";
}
