using AvEval.Analysis;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Suites;
using AvEval.Learned.Suites;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;
using static AvEval.Judges.Tests.LoopbackChatServer;

namespace AvEval.Judges.Tests.Suites;

/// <summary>
/// Judges as scenario evaluators next to the real learned-model catalog of the repository, on a real drive; the judge's
/// server is the loopback chat-completions server (see <see cref="LoopbackChatServer"/>).
/// </summary>
public sealed class JudgeEvaluatorCatalogTests
{
    private static string JudgesPointingAt(Uri endpoint)
    {
        string root = TestJudges.TempFolder();
        string folder = Path.Combine(root, "drive_review_server", "1.0.0");
        Directory.CreateDirectory(folder);
        foreach (string f in Directory.GetFiles(Path.Combine(TestJudges.JudgesFolder, "drive_review_server", "1.0.0")))
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(f)), File.ReadAllText(f).Replace("http://127.0.0.1:8000/v1", endpoint.ToString(), StringComparison.Ordinal));
        }

        return root;
    }

    private static JudgeEvaluatorCatalog CatalogOn(Uri endpoint, JudgeSession session) => new(
        RegistryEvaluatorCatalog.Open(Path.Combine(RepoPaths.Root, "scenarios"), EvaluatorDevice.Cpu, TextWriter.Null),
        new JudgeRegistry(JudgesPointingAt(endpoint)),
        session,
        card => new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(card.Provider.Endpoint!, card.Provider.Model, MaxRetries: 0)));

    private static Drive CutInDrive() => new(CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-22_1_T-1.scene.parquet")), new TrackId("681"));

    private static ExpectationOutcome Expect(JudgeEvaluatorCatalog catalog, Drive drive, string text)
    {
        var expectation = (EvaluatorExpectation)ExpectationParser.Parse(text, new SourceLocation("behaviors/x/y.yaml", 9, 5));
        var evaluation = catalog.Resolve(expectation.Evaluator, expectation.Version).Analyze(drive);
        return expectation.Judge(evaluation);
    }

    [Fact]
    public async Task ScenarioExpectation_JudgeVotesPass_Passes()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"ok"}""")));
        using var session = new JudgeSession();
        using var catalog = CatalogOn(server.Endpoint, session);

        var outcome = Expect(catalog, CutInDrive(), "evaluator drive_review_server@1 probability >= 0.5");

        outcome.Outcome.ShouldBe(Outcome.Pass);
        outcome.Measured.ShouldBe(1.0);
        server.Requests.Count.ShouldBe(3);
        server.Requests[0].ShouldContain("Drive of ego vehicle 681 on scene");
    }

    [Fact]
    public async Task ScenarioExpectation_ServerDown_InconclusiveNeverPass()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(503, "{}"));
        using var session = new JudgeSession();
        using var catalog = CatalogOn(server.Endpoint, session);

        var outcome = Expect(catalog, CutInDrive(), "evaluator drive_review_server@1 probability >= 0.5");

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldBe($"evaluator.drive_review_server@1.probability has no value (judge 'drive_review_server@1.0.0' sample 1 of 3 does not count: the judge server '{server.Endpoint}/chat/completions' answered HTTP 503 to each of 1 attempts; the verdict is inconclusive), so 'evaluator drive_review_server@1 probability >= 0.5' cannot be judged.");
    }

    [Fact]
    public async Task EvaluateBatch_ThenAnalyze_ReadsTheBatchVerdictWithoutNewCalls()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"fail","score":2,"reason":"close"}""")));
        using var session = new JudgeSession();
        using var catalog = CatalogOn(server.Endpoint, session);
        var drive = CutInDrive();

        catalog.EvaluateBatch("drive_review_server", "1", [drive]);
        int afterBatch = server.Requests.Count;
        var outcome = Expect(catalog, drive, "evaluator drive_review_server@1 probability >= 0.5");

        afterBatch.ShouldBe(3);
        server.Requests.Count.ShouldBe(3);
        outcome.Outcome.ShouldBe(Outcome.Fail);
    }

    [Fact]
    public async Task EvaluateBatch_OneDriveOfTwoScenarios_JudgedOnce()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"fail","score":2,"reason":"close"}""")));
        using var session = new JudgeSession(maxConcurrentCalls: 4);
        using var catalog = CatalogOn(server.Endpoint, session);
        var drive = CutInDrive();

        catalog.EvaluateBatch("drive_review_server", "1", [drive, drive]);

        server.Requests.Count.ShouldBe(3, "the card's 3 samples, once: concurrent callers share one judging of an input");
    }

    [Fact]
    public async Task Catalog_LearnedIdsAndGate_DelegateAndJudgesAreUncertified()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, "{}"));
        using var session = new JudgeSession();
        using var catalog = CatalogOn(server.Endpoint, session);

        catalog.Problem("hard_braking_detector", "1", "probability").ShouldBeNull();
        catalog.CertificationProblem("hard_braking_detector", "1").ShouldBeNull();
        catalog.Problem("drive_review_server", "1", "score").ShouldBe("judge 'drive_review_server@1.0.0' has no output 'score'; it publishes 'probability'");
        catalog.CertificationProblem("drive_review_server", "1").ShouldBe($"judge 'drive_review_server@1.0.0' has no certification for behaviour 'following_distance' in its card '{catalog.Judges.Read("drive_review_server", "1").CardPath}': the gate does not trust an unchecked judge; run `aveval golden certify drive_review_server@1.0.0 --golden <set>` with a golden set for 'following_distance', or use it in an info scenario.");
        catalog.Describe("drive_review_server", "1").Device.ShouldBe("remote");
        catalog.FilesOf("drive_review_server", "1").Select(Path.GetFileName).ShouldBe(["judge-card.json", "prompt.txt"]);
    }
}
