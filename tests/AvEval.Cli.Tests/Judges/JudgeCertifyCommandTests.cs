using System.Text.Json;
using AvEval.Judges.Tests;
using static AvEval.Cli.Tests.Judges.JudgeServers;

namespace AvEval.Cli.Tests.Judges;

/// <summary>
/// <c>aveval golden certify</c> for a judge: the committed <c>cut_in_review_server</c> card against the committed
/// <c>cut_in</c> golden set (160 real NGSIM windows), its server the loopback chat-completions server (a test double for a
/// model: no instruction-tuned weights exist here) answering from the set's own labels or at random.
/// </summary>
public sealed class JudgeCertifyCommandTests
{
    [Fact]
    public async Task Certify_JudgeAnsweringFromTheGoldenLabels_IsCertifiedAndRecordedInTheJudgeCard()
    {
        using var copy = new RepositoryCopy();
        var labels = MajorityLabels(copy.Golden("cut_in", "").TrimEnd('/'));
        int unknown = 0;
        await using var server = new LoopbackChatServer((_, body) =>
        {
            string? key = KeyOf(Prompt(body));
            if (key is null || !labels.TryGetValue(key, out bool yes))
            {
                Interlocked.Increment(ref unknown);
                yes = false;
            }

            return Answer(yes ? """{"cut_in":"yes","reason":"entered the ego lane ahead"}""" : """{"cut_in":"no","reason":"stayed in its lane"}""");
        });
        PointAt(copy, server.Endpoint);

        var run = CliRun.Of("golden", "certify", "cut_in_review_server@1", "--golden", "cut_in", "--format", "json", "--root", copy.Root);

        run.ExitCode.ShouldBe(0, run.Error);
        unknown.ShouldBe(3 * (160 - labels.Count));
        using var doc = JsonDocument.Parse(run.Output);
        var r = doc.RootElement;
        r.GetProperty("evaluator").GetString().ShouldBe("cut_in_review_server@1.0.0");
        r.GetProperty("behaviour").GetString().ShouldBe("cut_in");
        r.GetProperty("certified").GetBoolean().ShouldBeTrue(r.GetProperty("reason").GetString());
        // Perfect agreement on every resolved item: kappa 1 and ECE 0 by definition (all probabilities are 0 or 1 and right).
        r.GetProperty("value").GetDouble().ShouldBe(1.0);
        r.GetProperty("ece").GetDouble().ShouldBe(0.0);
        (r.GetProperty("items").GetInt32() + r.GetProperty("unresolved").GetInt32()).ShouldBe(160);
        server.Requests.Count.ShouldBe(160 * 3);
        string card = Path.Combine(copy.Root, "scenarios", "judges", "cut_in_review_server", "1.0.0", "judge-card.json");
        r.GetProperty("card").GetString().ShouldBe(card);
        using var written = JsonDocument.Parse(File.ReadAllText(card));
        var entry = written.RootElement.GetProperty("certifications").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("certified").GetBoolean().ShouldBeTrue();
        entry.GetProperty("golden_set").GetProperty("name").GetString().ShouldBe("cut_in");
        // The gate now trusts it, through the suite's one catalog.
        using var catalog = AvEval.Judges.SuiteEvaluators.Open(Path.Combine(copy.Root, "scenarios"), AvEval.Suites.EvaluatorDevice.Cpu, TextWriter.Null);
        catalog.CertificationProblem("cut_in_review_server", "1").ShouldBeNull();
    }

    [Fact]
    public async Task Certify_JudgeAnsweringAtRandom_IsRefusedAndTheGateSaysSo()
    {
        using var copy = new RepositoryCopy();
        var random = new Random(20261204);
        await using var server = new LoopbackChatServer((_, _) =>
        {
            bool yes;
            lock (random)
            {
                yes = random.Next(2) == 1;
            }

            return Answer(yes ? """{"cut_in":"yes","reason":"coin"}""" : """{"cut_in":"no","reason":"coin"}""");
        });
        PointAt(copy, server.Endpoint);

        var run = CliRun.Of("golden", "certify", "cut_in_review_server@1", "--golden", "cut_in", "--root", copy.Root);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("cut_in_review_server@1.0.0 against golden set 'cut_in' v1 (behaviour cut_in)");
        run.Output.ShouldContain("  result         REFUSED: ");
        using var catalog = AvEval.Judges.SuiteEvaluators.Open(Path.Combine(copy.Root, "scenarios"), AvEval.Suites.EvaluatorDevice.Cpu, TextWriter.Null);
        catalog.CertificationProblem("cut_in_review_server", "1")!.ShouldStartWith("judge 'cut_in_review_server@1.0.0' was refused for behaviour 'cut_in' by golden set 'cut_in' v1 (");
    }

    [Fact]
    public async Task Certify_ServerFailsOnAnItem_ExitCode2AndNothingWritten()
    {
        using var copy = new RepositoryCopy();
        await using var server = new LoopbackChatServer((n, _) => n == 5 ? Answer("""{"cut_in":"maybe","reason":"x"}""") : Answer("""{"cut_in":"no","reason":"x"}"""));
        PointAt(copy, server.Endpoint);
        string card = Path.Combine(copy.Root, "scenarios", "judges", "cut_in_review_server", "1.0.0", "judge-card.json");
        string before = File.ReadAllText(card);

        var run = CliRun.Of("golden", "certify", "cut_in_review_server@1", "--golden", "cut_in", "--root", copy.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("gave no verdict (judge 'cut_in_review_server@1.0.0' sample ");
        run.Error.ShouldContain("certification needs a verdict on every item, so fix the judge's provider and run 'aveval golden certify' again.");
        File.ReadAllText(card).ShouldBe(before);
    }
}
