using AvEval.Judges.Caching;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Tests.Clients;

/// <summary>
/// The real LLamaSharp runtime with the real stories260K GGUF model (from the shared data). That model is not
/// instruction-tuned and its answers are meaningless: these tests check the machinery (loading, grammar, seeds, cache,
/// time-outs, fail-closed paths), never the quality of a verdict.
/// </summary>
public sealed class LlamaSharpJudgeTests
{
    [Fact]
    public async Task Machinery_GrammarConstrainedAnswers_AlwaysParseStrictly()
    {
        var card = TestJudges.TinyCard() with { Samples = 6 };
        using var session = new JudgeSession(maxConcurrentCalls: 2);
        var judge = new Judge(card, TestJudges.TinyClient(), session);

        var verdict = await judge.EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);

        verdict.Reason.ShouldBeNull();
        verdict.Samples.Count.ShouldBe(6);
        verdict.Samples.ShouldAllBe(s => s.Problem == null && s.FinishReason == "stop");
        verdict.Samples.ShouldAllBe(s => card.Schema.Parse(s.Text).IsValid);
        verdict.Samples.Select(s => s.Text).Distinct().Count().ShouldBeGreaterThan(1, "six seeds at temperature 0.8 should not all give one answer");
        verdict.Probability.ShouldBe(verdict.Samples.Count(s => s.Values["verdict"].Text == "pass") / 6.0);
    }

    [Fact]
    public async Task Machinery_SameSeed_SameAnswerBytes()
    {
        var card = TestJudges.TinyCard() with { Samples = 2 };
        using var session = new JudgeSession();
        var judge = new Judge(card, TestJudges.TinyClient(), session);
        string input = TestJudges.CutInDrive().Text;

        var first = await judge.EvaluateAsync(input, [], TestContext.Current.CancellationToken);
        var second = await judge.EvaluateAsync(input, [], TestContext.Current.CancellationToken);

        second.Samples.Select(s => s.Text).ShouldBe(first.Samples.Select(s => s.Text));
        second.Probability.ShouldBe(first.Probability);
    }

    [Fact]
    public async Task Machinery_CachedRun_ReplaysBitExactlyOfflineWithoutTheModel()
    {
        var card = TestJudges.TinyCard();
        string file = Path.Combine(TestJudges.TempFolder(), "judge-cache.jsonl");
        string input = TestJudges.CutInDrive().Text;
        JudgeVerdict online;
        using (var session = new JudgeSession(JudgeResponseCache.Open(file), JudgeCacheMode.ReadWrite))
        {
            online = await new Judge(card, TestJudges.TinyClient(), session).EvaluateAsync(input, [], TestContext.Current.CancellationToken);
        }

        using var replaySession = new JudgeSession(JudgeResponseCache.Open(file), JudgeCacheMode.ReplayOnly);
        using var unreachable = new Clients.UnreachableChatClient();
        var replay = await new Judge(card, unreachable, replaySession).EvaluateAsync(input, [], TestContext.Current.CancellationToken);

        online.Reason.ShouldBeNull();
        replay.Samples.ShouldAllBe(s => s.FromCache);
        replay.Samples.Select(s => s.Text).ShouldBe(online.Samples.Select(s => s.Text));
        replay.Probability.ShouldBe(online.Probability);
        replay.InputSha256.ShouldBe(online.InputSha256);
        unreachable.Calls.ShouldBe(0);
        File.ReadAllLines(file).Length.ShouldBe(card.Samples);
    }

    [Fact]
    public async Task Machinery_ReplayOfAnotherInput_IsInconclusiveNotAPass()
    {
        var card = TestJudges.TinyCard();
        string file = Path.Combine(TestJudges.TempFolder(), "judge-cache.jsonl");
        using var session = new JudgeSession(JudgeResponseCache.Open(file), JudgeCacheMode.ReplayOnly);

        var verdict = await new Judge(card, TestJudges.TinyClient(), session).EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason.ShouldStartWith("judge 'drive_review_tiny@1.0.0' sample 1 of 3 does not count: offline replay found no recorded response in '");
        verdict.Reason.ShouldEndWith("rerun online to record it; the verdict is inconclusive");
    }

    [Fact]
    public async Task Machinery_AnswerCutAtMaxTokens_IsTruncatedSoInconclusive()
    {
        var card = TestJudges.TinyCard() with { Samples = 1 };
        card = card with { Sampling = card.Sampling with { MaxTokens = 6 } };
        using var session = new JudgeSession();

        var verdict = await new Judge(card, TestJudges.TinyClient(), session).EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Samples[0].FinishReason.ShouldBe("length");
        verdict.Reason.ShouldStartWith("judge 'drive_review_tiny@1.0.0' sample 1 of 1 does not count: the answer was truncated at max_tokens 6 ('{\"v");
    }

    [Fact]
    public async Task Machinery_CallOverTheCardsTimeout_IsInconclusive()
    {
        var card = TestJudges.TinyCard() with { Samples = 1, TimeoutSeconds = 0.001 };
        using var session = new JudgeSession();

        var verdict = await new Judge(card, TestJudges.TinyClient(), session).EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);

        verdict.Probability.ShouldBeNull();
        verdict.Reason.ShouldBe("judge 'drive_review_tiny@1.0.0' sample 1 of 1 does not count: the call timed out after 0.001 s (the card's timeout_seconds); the verdict is inconclusive");
    }

    [Fact]
    public async Task Machinery_CancelledRun_StopsWithOperationCanceled()
    {
        var card = TestJudges.TinyCard();
        using var session = new JudgeSession();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var e = await Record.ExceptionAsync(() => new Judge(card, TestJudges.TinyClient(), session).EvaluateAsync(TestJudges.CutInDrive().Text, [], cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }

    [Fact]
    public async Task Machinery_TokenBudgetSpent_LaterCallsRefusedSoInconclusive()
    {
        var card = TestJudges.TinyCard() with { Samples = 1 };
        using var session = new JudgeSession(budget: new JudgeBudget(maxTokens: 1));
        var judge = new Judge(card, TestJudges.TinyClient(), session);

        var first = await judge.EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);
        var second = await judge.EvaluateAsync(TestJudges.CutInDrive().Text, [], TestContext.Current.CancellationToken);

        first.Reason.ShouldBeNull();
        session.Budget.Calls.ShouldBe(1);
        second.Probability.ShouldBeNull();
        second.Reason.ShouldBe($"judge 'drive_review_tiny@1.0.0' sample 1 of 1 does not count: no call was made: the run's judge token budget of 1 tokens is spent ({first.Tokens} used); the verdict is inconclusive");
    }

    [Fact]
    public void Load_TinyModel_ReportsItsIdentityAndCountsTokens()
    {
        var client = TestJudges.TinyClient();

        var metadata = client.GetService<ChatClientMetadata>();

        metadata!.DefaultModelId.ShouldBe("gguf:sha256:270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d");
        client.CountTokens("hello").ShouldBeGreaterThan(1);
    }
}
