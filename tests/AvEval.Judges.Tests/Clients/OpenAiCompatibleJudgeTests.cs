using System.Text.Json;
using AvEval.Judges.Caching;
using AvEval.Judges.Clients;
using static AvEval.Judges.Tests.LoopbackChatServer;

namespace AvEval.Judges.Tests.Clients;

/// <summary>
/// The OpenAI-compatible path over real HTTP against <see cref="LoopbackChatServer"/>, a loopback server started by
/// each test that speaks the chat-completions protocol as scripted (no such server can run here).
/// </summary>
public sealed class OpenAiCompatibleJudgeTests
{
    private static readonly string[] LeadingTokens = ["{\"", "verdict", "\":\""];

    private const string Pass = """{"verdict":"pass","score":4,"reason":"kept its gap"}""";

    private static Judge JudgeOn(LoopbackChatServer server, JudgeSession session, int samples = 1, double timeout = 10, int retries = 3)
    {
        var card = TestJudges.ServerCard(server.Endpoint, samples, timeout);
        var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(server.Endpoint, card.Provider.Model, MaxRetries: retries, BaseDelay: TimeSpan.FromMilliseconds(5), RequestLogprobs: card.Provider.RequestLogprobs));
        return new Judge(card, client, session);
    }

    [Fact]
    public async Task Request_CarriesJsonSchemaResponseFormatSeedAndSampling()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(Pass)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session, samples: 2).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBe(1.0);
        var seeds = server.Requests.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("seed").GetInt64()).Order().ToList();
        seeds.ShouldBe([20261203L, 20261204L]);
        using var body = JsonDocument.Parse(server.Requests[0]);
        var format = body.RootElement.GetProperty("response_format");
        format.GetProperty("type").GetString().ShouldBe("json_schema");
        format.GetProperty("json_schema").GetProperty("strict").GetBoolean().ShouldBeTrue();
        format.GetProperty("json_schema").GetProperty("schema").GetProperty("required").GetArrayLength().ShouldBe(3);
        body.RootElement.GetProperty("model").GetString().ShouldBe("meta/llama-3.1-8b-instruct");
        body.RootElement.GetProperty("max_tokens").GetInt32().ShouldBe(160);
        body.RootElement.GetProperty("logprobs").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Retries_429And503ThenOk_AnswersAfterThreeAttempts()
    {
        await using var server = new LoopbackChatServer((n, _) => n switch
        {
            1 => new Reply(429, """{"error":"rate limited"}""", RetryAfterSeconds: 0),
            2 => new Reply(503, """{"error":"overloaded"}"""),
            _ => new Reply(200, Completion(Pass)),
        });
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBe(1.0);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Retries_500OnEveryAttempt_InconclusiveNamingStatusAndAttempts()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(500, "{}"));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session, retries: 2).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason.ShouldBe($"judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the judge server '{server.Endpoint}/chat/completions' answered HTTP 500 to each of 3 attempts; the verdict is inconclusive");
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Status400_IsNotRetried_Inconclusive()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(400, """{"error":"bad schema"}"""));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Reason.ShouldBe($"judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the judge server '{server.Endpoint}/chat/completions' answered HTTP 400 ('{{\"error\":\"bad schema\"}}'), which is not retried; the verdict is inconclusive");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Timeout_ServerSlowerThanTheCard_Inconclusive()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(Pass), Delay: TimeSpan.FromSeconds(5)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session, timeout: 0.2).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Reason.ShouldBe("judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the call timed out after 0.2 s (the card's timeout_seconds); the verdict is inconclusive");
    }

    [Fact]
    public async Task MalformedBody_NotJson_Inconclusive()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, "<html>gateway</html>"));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Reason!.ShouldStartWith($"judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the judge server '{server.Endpoint}/chat/completions' answered with a body that is not JSON ('<html>gateway</html>': ");
    }

    [Fact]
    public async Task TruncatedAnswer_CutJsonWithFinishLength_Inconclusive()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","sco""", finish: "length")));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Reason.ShouldBe("judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the answer was truncated at max_tokens 160 ('{\"verdict\":\"pass\",\"sco'); the verdict is inconclusive");
    }

    [Fact]
    public async Task TruncatedAnswer_CutJsonWithFinishStop_InvalidSoInconclusive()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","sco""")));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason!.ShouldStartWith("judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the answer is invalid: the answer is not one JSON value (");
    }

    [Theory]
    [InlineData("""{"verdict":"maybe","score":3,"reason":"x"}""", "'verdict' is 'maybe', not one of 'pass', 'fail'")]
    [InlineData("""{"verdict":"pass","score":9,"reason":"x"}""", "'score' is '9', outside [1, 5]")]
    [InlineData("""{"verdict":"pass","reason":"x"}""", "the answer lacks the property 'score'")]
    [InlineData("""{"verdict":"pass","score":3,"reason":"x","extra":1}""", "the answer has the property 'extra', which the schema does not allow")]
    [InlineData("""Sure! {"verdict":"pass","score":3,"reason":"x"}""", "the answer is not one JSON value (")]
    public async Task InvalidAnswer_SchemaViolation_InconclusiveNamingIt(string answer, string problem)
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(answer)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason!.ShouldStartWith($"judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the answer is invalid: {problem}");
    }

    [Fact]
    public async Task Refusal_IsInconclusiveAndNotCached()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(null, refusal: "I can't help with that.")));
        string file = Path.Combine(TestJudges.TempFolder(), "cache.jsonl");
        using var session = new JudgeSession(JudgeResponseCache.Open(file));

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Reason.ShouldBe("judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: the model refused ('I can't help with that.'); the verdict is inconclusive");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task OneBadSampleOfThree_WholeVerdictInconclusive()
    {
        await using var server = new LoopbackChatServer((_, body) => JsonDocument.Parse(body).RootElement.GetProperty("seed").GetInt64() == 20261204
            ? new Reply(200, Completion("not json"))
            : new Reply(200, Completion(Pass)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session, samples: 3).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason!.ShouldStartWith("judge 'drive_review_server@1.0.0' sample 2 of 3 does not count: the answer is invalid");
    }

    [Fact]
    public async Task Votes_TwoPassOneFail_ProbabilityIsTheShare()
    {
        await using var server = new LoopbackChatServer((_, body) => JsonDocument.Parse(body).RootElement.GetProperty("seed").GetInt64() == 20261205
            ? new Reply(200, Completion("""{"verdict":"fail","score":2,"reason":"too close"}"""))
            : new Reply(200, Completion(Pass)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session, samples: 3).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBe(2.0 / 3.0);
        verdict.Tokens.ShouldBe(3 * 120);
    }

    [Fact]
    public async Task Logprobs_AtTheVerdictToken_GiveTheWeightedProbability()
    {
        // Tokens of '{"verdict":"pass",...}': the value begins in the token 'pass' (after '":"'); the server says
        // p(pass) = 0.6 and p(fail) = 0.3 there (and 0.1 on ' ' which begins no value), so the weighted probability is
        // 0.6 / (0.6 + 0.3) = 2/3 (hand-computed).
        string lp = "[" + string.Join(",", LeadingTokens.Select(t => $"{{\"token\":{Json(t)},\"logprob\":0,\"top_logprobs\":[]}}"))
            + $",{{\"token\":\"pass\",\"logprob\":{Math.Log(0.6)},\"top_logprobs\":[{{\"token\":\"pass\",\"logprob\":{Math.Log(0.6)}}},{{\"token\":\"fail\",\"logprob\":{Math.Log(0.3)}}},{{\"token\":\" \",\"logprob\":{Math.Log(0.1)}}}]}}"
            + $",{{\"token\":{Json("\",\"score\":4,\"reason\":\"kept its gap\"}")},\"logprob\":0,\"top_logprobs\":[]}}]";
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(Pass, logprobs: lp)));
        using var session = new JudgeSession();

        var verdict = await JudgeOn(server, session).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBe(1.0);
        verdict.WeightedProbability!.Value.ShouldBe(2.0 / 3.0, 1e-12);
    }

    [Fact]
    public async Task Budget_CostLimit_RefusesCallsOnceSpent()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion(Pass)));
        var card = TestJudges.ServerCard(server.Endpoint);
        card = card with { Provider = card.Provider with { PricePerThousandInputTokens = 1.0, PricePerThousandOutputTokens = 2.0 } };
        using var session = new JudgeSession(budget: new JudgeBudget(maxCostUsd: 0.1));
        var judge = new Judge(card, new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(server.Endpoint, "m")), session);

        var first = await judge.EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);
        var second = await judge.EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        first.Probability.ShouldBe(1.0);
        session.Budget.CostUsd.ShouldBe(0.14, 1e-12); // 100 prompt tokens at $1/1k + 20 generated at $2/1k
        second.Reason.ShouldBe("judge 'drive_review_server@1.0.0' sample 1 of 1 does not count: no call was made: the run's judge cost budget of $0.1 is spent ($0.14 used); the verdict is inconclusive");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrency_LimitOfTwo_NeverMoreThanTwoInFlight()
    {
        int inFlight = 0, most = 0;
        await using var server = new LoopbackChatServer(async (_, _) =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref inFlight);
            return new Reply(200, Completion(Pass));
        });
        using var session = new JudgeSession(maxConcurrentCalls: 2);

        var verdict = await JudgeOn(server, session, samples: 6).EvaluateAsync("a drive", [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBe(1.0);
        server.Requests.Count.ShouldBe(6);
        most.ShouldBeLessThanOrEqualTo(2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
