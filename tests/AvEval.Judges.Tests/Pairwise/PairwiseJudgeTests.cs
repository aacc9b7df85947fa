using AvEval.Errors;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Pairwise;
using static AvEval.Judges.Tests.LoopbackChatServer;

namespace AvEval.Judges.Tests.Pairwise;

/// <summary>
/// Position bias of the committed pairwise judge <c>drive_pairwise_server</c> on narrations of real drives, its server
/// the loopback chat-completions server (a test double for a model) scripted to be biased or consistent.
/// </summary>
public sealed class PairwiseJudgeTests
{
    private static IReadOnlyList<(string Id, string A, string B)> Pairs()
    {
        var a = TestJudges.CutInDrive().Text;
        var b = TestJudges.Narrate("ngsim-gpl/USA_US101-22_1_T-1.scene.parquet", "675").Text;
        return [("681-vs-675", a, b), ("675-vs-681", b, a)];
    }

    private static PairwiseJudge JudgeOn(LoopbackChatServer server, JudgeSession session, OpenAiCompatibleChatClient client)
    {
        var card = new JudgeRegistry(TestJudges.JudgesFolder).Read("drive_pairwise_server", "1");
        return new PairwiseJudge(new Judge(card with { Provider = card.Provider with { Endpoint = server.Endpoint } }, client, session));
    }

    [Fact]
    public async Task CheckPositionBias_ServerAlwaysAnswersFirst_ConsistencyZeroAndFlagged()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"preferred":"first","reason":"shown first"}""")));
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(server.Endpoint, "m", MaxRetries: 0));

        var report = await JudgeOn(server, session, client).CheckPositionBiasAsync(Pairs(), cancellationToken: TestContext.Current.CancellationToken);

        report.Conclusive.ShouldBe(2);
        report.ConsistencyRate.ShouldBe(0.0);
        report.FirstPositionRate.ShouldBe(1.0);
        report.Biased.ShouldBeTrue();
        report.Reason.ShouldBe("judge 'drive_pairwise_server@1.0.0' preferred the same drive in both orders in 0 of 2 conclusive pairs (consistency 0 < 0.8) and the drive shown first in 4 of 4 verdicts; its preference follows the order, so it is flagged as position-biased");
        server.Requests.Count.ShouldBe(2 * 2 * 3);
    }

    [Fact]
    public async Task CheckPositionBias_ServerAnswersByContent_ConsistentAndNotFlagged()
    {
        // Prefers the drive of ego 681 wherever it is shown: a judge that reads the drives, not their order.
        await using var server = new LoopbackChatServer((_, body) =>
        {
            string prompt = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
            bool firstIs681 = prompt.IndexOf("ego vehicle 681", StringComparison.Ordinal) < prompt.IndexOf("Second drive:", StringComparison.Ordinal);
            return new Reply(200, Completion(firstIs681 ? """{"preferred":"first","reason":"681"}""" : """{"preferred":"second","reason":"681"}"""));
        });
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(server.Endpoint, "m", MaxRetries: 0));

        var report = await JudgeOn(server, session, client).CheckPositionBiasAsync(Pairs(), cancellationToken: TestContext.Current.CancellationToken);

        report.ConsistencyRate.ShouldBe(1.0);
        report.FirstPositionRate.ShouldBe(0.5);
        report.Biased.ShouldBeFalse();
        report.Comparisons.Select(c => (c.PreferredWhenAFirst, c.PreferredWhenBFirst)).ShouldBe([("A", "A"), ("B", "B")]);
    }

    [Fact]
    public void Create_JudgeWithoutFirstAndSecond_IsNotPairwise()
    {
        var card = new JudgeRegistry(TestJudges.JudgesFolder).Read("drive_review_server", "1");
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(new Uri("http://127.0.0.1:9/v1"), "m", MaxRetries: 0));

        var e = Record.Exception(() => new PairwiseJudge(new Judge(card, client, session)));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"{card.CardPath}, field 'output': the voted field 'verdict' is not an enum of 'first' and 'second' with positive 'first'; a pairwise judge must say which of the two drives shown it prefers.");
    }
}
