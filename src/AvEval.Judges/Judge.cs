using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AvEval.Judges.Caching;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Schema;
using Microsoft.Extensions.AI;

namespace AvEval.Judges;

/// <summary>
/// A language-model judge: its card's prompt, schema, sampling and number of samples, on any <see cref="IChatClient"/>.
/// <see cref="EvaluateAsync(string, Vision.BirdsEyeImage?, IReadOnlyList{string}?, CancellationToken)"/> renders the prompt, takes the card's k samples (sample i with seed + i) through the
/// session's response cache, concurrency limit and budget, each under the card's time-out, parses each answer strictly,
/// and votes. Fails closed: a sample that is missing, truncated (finish reason <c>length</c>), refused, invalid, timed out,
/// failed at the provider, over budget, or absent from an offline replay makes the verdict inconclusive with that
/// reason; it is never a pass. Every sample is traced as a <c>judge.sample</c> activity of <see cref="Source"/>.
/// Thread-safe.
/// </summary>
public sealed class Judge
{
    /// <summary>The activity source of judge calls and agentic workflow steps (<c>AvEval.Judges</c>).</summary>
    public static readonly ActivitySource Source = new("AvEval.Judges", "1.0.0");

    private readonly IChatClient _client;
    private readonly JudgeSession _session;
    private readonly JsonElement _schema;

    /// <summary>Creates a judge.</summary>
    /// <param name="card">Its card.</param>
    /// <param name="client">The model behind it.</param>
    /// <param name="session">The run's cache, budget and concurrency limit.</param>
    public Judge(JudgeCard card, IChatClient client, JudgeSession session)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(session);
        Card = card;
        _client = client;
        _session = session;
        using var doc = JsonDocument.Parse(card.Schema.Json);
        _schema = doc.RootElement.Clone();
    }

    /// <summary>The judge's card.</summary>
    public JudgeCard Card { get; }

    /// <summary>The client for a card's provider: the GGUF model loaded by LLamaSharp, or the OpenAI-compatible server.</summary>
    /// <param name="card">The card.</param>
    /// <param name="http">The HTTP client for a server (not disposed by the client); null for an own one.</param>
    public static IChatClient ClientFor(JudgeCard card, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var p = card.Provider;
        return p.Kind == JudgeProviderKind.LlamaSharp
            ? LlamaSharpChatClient.Load(p.Model, p.Identity, p.ContextSize, p.Threads)
            : new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(p.Endpoint!, p.Model, p.ApiKeyVariable is { } v ? Environment.GetEnvironmentVariable(v) : null, RequestLogprobs: p.RequestLogprobs), http);
    }

    /// <summary>The messages for an input: the template with <c>{{narration}}</c>, <c>{{examples}}</c> and <c>{{schema}}</c> filled in.</summary>
    /// <param name="narration">The input text (a drive's narration).</param>
    /// <param name="examples">Worked examples (e.g. retrieved golden cases), each a paragraph; may be empty.</param>
    public IReadOnlyList<ChatMessage> MessagesFor(string narration, IReadOnlyList<string> examples) => MessagesFor(narration, examples, null);

    /// <summary>
    /// The messages for an input with a bird's-eye view: for a vision-language card (<see cref="JudgeCard.VisionLanguage"/>)
    /// the image's caption follows the prompt text and the PNG is attached to the message; for any other card the image
    /// is left out.
    /// </summary>
    /// <param name="narration">The input text (a drive's narration).</param>
    /// <param name="examples">Worked examples, each a paragraph; may be empty.</param>
    /// <param name="image">The drive's bird's-eye view; null for none.</param>
    public IReadOnlyList<ChatMessage> MessagesFor(string narration, IReadOnlyList<string> examples, Vision.BirdsEyeImage? image)
    {
        ArgumentNullException.ThrowIfNull(narration);
        ArgumentNullException.ThrowIfNull(examples);
        string text = Card.PromptTemplate
            .Replace("{{examples}}", examples.Count == 0 ? "(none)" : string.Join("\n\n", examples), StringComparison.Ordinal)
            .Replace("{{schema}}", Card.Schema.Json, StringComparison.Ordinal)
            .Replace("{{narration}}", narration, StringComparison.Ordinal);
        return image is null || !Card.VisionLanguage
            ? [new ChatMessage(ChatRole.User, text)]
            : [new ChatMessage(ChatRole.User, [new TextContent(text + "\n\n" + image.Caption), new DataContent(image.Png, "image/png")])];
    }

    /// <summary>
    /// The SHA-256 of rendered messages (role and text, length-prefixed; then the media type and SHA-256 of each attached
    /// file, such as a bird's-eye view), lowercase hex.
    /// </summary>
    /// <param name="messages">The messages.</param>
    public static string InputHash(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Append(m.Role.Value).Append('\n').Append(m.Text.Length).Append(':').Append(m.Text).Append('\n');
            foreach (var data in m.Contents.OfType<DataContent>())
            {
                sb.Append(data.MediaType).Append(':').Append(Convert.ToHexStringLower(SHA256.HashData(data.Data.Span))).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Judges one input.</summary>
    /// <param name="narration">The input text.</param>
    /// <param name="examples">Worked examples; may be empty.</param>
    /// <param name="cancellationToken">Stops the judging (the verdict is then not returned: the token's exception propagates).</param>
    public Task<JudgeVerdict> EvaluateAsync(string narration, IReadOnlyList<string>? examples = null, CancellationToken cancellationToken = default) =>
        EvaluateAsync(narration, null, examples, cancellationToken);

    /// <summary>
    /// Judges one input with a bird's-eye view. A vision-language card without an image gives an inconclusive verdict
    /// (it would judge what it cannot see); a text card ignores the image.
    /// </summary>
    /// <param name="narration">The input text.</param>
    /// <param name="image">The drive's bird's-eye view; null for none.</param>
    /// <param name="examples">Worked examples; may be empty.</param>
    /// <param name="cancellationToken">Stops the judging (the verdict is then not returned: the token's exception propagates).</param>
    public async Task<JudgeVerdict> EvaluateAsync(string narration, Vision.BirdsEyeImage? image, IReadOnlyList<string>? examples = null, CancellationToken cancellationToken = default)
    {
        var messages = MessagesFor(narration, examples ?? [], image);
        string inputSha = InputHash(messages);
        if (Card.VisionLanguage && image is null)
        {
            return new JudgeVerdict(Card.Key, Card.Provider.Identity, Card.PromptSha256, inputSha, null, null, $"judge '{Card.Key}' is vision-language but was given no bird's-eye view; the verdict is inconclusive", []);
        }

        var tasks = Enumerable.Range(0, Card.Samples).Select(i => SampleAsync(messages, inputSha, i, cancellationToken)).ToList();
        var samples = await Task.WhenAll(tasks);
        return Vote(inputSha, samples);
    }

    private JudgeVerdict Vote(string inputSha, JudgeSample[] samples)
    {
        string model = Card.Provider.Identity;
        var bad = samples.FirstOrDefault(s => s.Problem is not null);
        if (bad is not null)
        {
            string reason = $"judge '{Card.Key}' sample {bad.Index + 1} of {samples.Length} does not count: {bad.Problem}; the verdict is inconclusive";
            return new JudgeVerdict(Card.Key, model, Card.PromptSha256, inputSha, null, null, reason, samples);
        }

        int positive = samples.Count(s => s.Values[Card.Output.Field].ToString() == Card.Output.Positive);
        double share = (double)positive / samples.Length;
        double? weighted = samples.All(s => s.WeightedPositive is not null) ? samples.Average(s => s.WeightedPositive!.Value) : null;
        return new JudgeVerdict(Card.Key, model, Card.PromptSha256, inputSha, share, weighted, null, samples);
    }

    private async Task<JudgeSample> SampleAsync(IReadOnlyList<ChatMessage> messages, string inputSha, int index, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("judge.sample");
        activity?.SetTag("judge", Card.Key);
        activity?.SetTag("model", Card.Provider.Identity);
        activity?.SetTag("sample", index);
        activity?.SetTag("input_sha256", inputSha);
        var started = Stopwatch.GetTimestamp();
        var sample = await SampleCoreAsync(messages, inputSha, index, started, cancellationToken);
        activity?.SetTag("from_cache", sample.FromCache);
        activity?.SetTag("input_tokens", sample.InputTokens);
        activity?.SetTag("output_tokens", sample.OutputTokens);
        activity?.SetTag("latency_ms", sample.LatencyMilliseconds);
        activity?.SetTag("finish_reason", sample.FinishReason);
        activity?.SetTag("output", sample.Text);
        activity?.SetTag("problem", sample.Problem);
        activity?.SetStatus(sample.Problem is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, sample.Problem);
        return sample;
    }

    private async Task<JudgeSample> SampleCoreAsync(IReadOnlyList<ChatMessage> messages, string inputSha, int index, long started, CancellationToken cancellationToken)
    {
        string sampling = Card.Sampling.Canonical(index);
        string key = JudgeResponseCache.KeyOf(Card.Provider.Identity, Card.PromptSha256, inputSha, sampling);
        if (_session.Mode != JudgeCacheMode.Off && _session.Cache!.Find(key) is { } hit)
        {
            _session.Hit();
            return FromEntry(index, hit, fromCache: true, Elapsed(started));
        }

        if (_session.Mode == JudgeCacheMode.ReplayOnly)
        {
            return Failed(index, $"offline replay found no recorded response in '{_session.Cache!.Path}' for key '{key[..16]}…' (input {inputSha[..12]}…, {sampling}); rerun online to record it", started);
        }

        var options = new ChatOptions
        {
            Temperature = (float)Card.Sampling.Temperature,
            TopP = (float)Card.Sampling.TopP,
            MaxOutputTokens = Card.Sampling.MaxTokens,
            Seed = Card.Sampling.SeedOf(index),
            ResponseFormat = ChatResponseFormat.ForJsonSchema(_schema, $"{Card.Id}_output", Card.Description),
            AdditionalProperties = new() { [LlamaSharpChatClient.GbnfProperty] = Card.Schema.ToGbnf() },
        };

        await _session.Gate.WaitAsync(cancellationToken);
        ChatResponse response;
        try
        {
            if (_session.Budget.Refusal() is { } refusal)
            {
                return Failed(index, $"no call was made: {refusal}", started);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Card.TimeoutSeconds));
            try
            {
                response = await _client.GetResponseAsync(messages, options, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(index, string.Create(CultureInfo.InvariantCulture, $"the call timed out after {Card.TimeoutSeconds:0.###} s (the card's timeout_seconds)"), started);
            }
            catch (JudgeProviderException e)
            {
                return Failed(index, e.Message, started);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or JsonException)
            {
                return Failed(index, $"the provider failed with {e.GetType().Name}: {e.Message}", started);
            }
        }
        finally
        {
            _session.Gate.Release();
        }

        long input = response.Usage?.InputTokenCount ?? 0;
        long output = response.Usage?.OutputTokenCount ?? 0;
        _session.Budget.Spend(input + output, ((input * Card.Provider.PricePerThousandInputTokens) + (output * Card.Provider.PricePerThousandOutputTokens)) / 1000.0);
        string? refusalText = response.AdditionalProperties?.TryGetValue(OpenAiCompatibleChatClient.RefusalProperty, out object? r) == true ? r as string : null;
        var logprobs = response.AdditionalProperties?.TryGetValue(OpenAiCompatibleChatClient.LogprobsProperty, out object? l) == true ? l as IReadOnlyList<TokenLogprob> : null;
        var entry = new JudgeCacheEntry(key, Card.Provider.Identity, Card.PromptSha256, inputSha, sampling, refusalText is null ? response.Text : null,
            FinishName(response.FinishReason), refusalText, input, output, logprobs);
        if (_session.Mode == JudgeCacheMode.ReadWrite && Counts(entry))
        {
            _session.Cache!.Add(entry);
        }

        return FromEntry(index, entry, fromCache: false, Elapsed(started));
    }

    private static bool Counts(JudgeCacheEntry entry) => entry.Text is not null;

    private JudgeSample FromEntry(int index, JudgeCacheEntry entry, bool fromCache, double latency)
    {
        string? problem = entry.Refusal is not null
            ? $"the model refused ('{Shorten(entry.Refusal)}')"
            : entry.FinishReason == "length"
                ? $"the answer was truncated at max_tokens {Card.Sampling.MaxTokens} ('{Shorten(entry.Text ?? string.Empty)}')"
                : entry.FinishReason == "content_filter"
                    ? "the provider filtered the answer (finish reason 'content_filter')"
                    : entry.FinishReason != "stop"
                        ? $"the answer ended with finish reason '{entry.FinishReason}', not 'stop'"
                        : null;
        JudgeParse parse = problem is null ? Card.Schema.Parse(entry.Text) : JudgeParse.Invalid(problem);
        problem ??= parse.Problem is null ? null : $"the answer is invalid: {parse.Problem} ('{Shorten(entry.Text ?? string.Empty)}')";
        double? weighted = problem is null && entry.Logprobs is { Count: > 0 } lp ? WeightedPositive(entry.Text!, lp) : null;
        return new JudgeSample(index, entry.Text, entry.FinishReason, parse.Values, problem, fromCache, entry.InputTokens, entry.OutputTokens, latency, weighted);
    }

    /// <summary>
    /// G-Eval style: at the token where the voted field's value begins, the probability mass of the alternatives that
    /// begin exactly one enum value, normalised over the enum's values; the positive value's share.
    /// </summary>
    private double? WeightedPositive(string text, IReadOnlyList<TokenLogprob> tokens)
    {
        var field = Card.Schema.Find(Card.Output.Field);
        if (field is null)
        {
            return null;
        }

        var values = field.Type == "boolean" ? new[] { "true", "false" } : [.. field.Enum];
        string marker = $"\"{field.Name}\":";
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int valueStart = at + marker.Length;
        while (valueStart < text.Length && text[valueStart] is ' ' or '"')
        {
            valueStart++;
        }

        int offset = 0;
        foreach (var token in tokens)
        {
            int end = offset + token.Token.Length;
            if (end > valueStart)
            {
                int within = valueStart - offset;
                var mass = values.ToDictionary(v => v, _ => 0.0, StringComparer.Ordinal);
                foreach (var (alternative, logprob) in token.Top)
                {
                    string stripped = alternative.Length > within ? alternative[within..] : string.Empty;
                    stripped = stripped.TrimStart('"', ' ');
                    if (stripped.Length == 0)
                    {
                        continue;
                    }

                    var matches = values.Where(v => v.StartsWith(stripped, StringComparison.Ordinal) || stripped.StartsWith(v, StringComparison.Ordinal)).ToList();
                    if (matches.Count == 1)
                    {
                        mass[matches[0]] += Math.Exp(logprob);
                    }
                }

                double total = mass.Values.Sum();
                return total > 0 ? mass[Card.Output.Positive] / total : null;
            }

            offset = end;
        }

        return null;
    }

    private static JudgeSample Failed(int index, string problem, long started) =>
        new(index, null, null, new Dictionary<string, JudgeValue>(), problem, false, 0, 0, Elapsed(started), null);

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string FinishName(ChatFinishReason? reason) => reason?.Value ?? "stop";

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "...";
}
