using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Suites;
using AvEval.Judges.Vision;
using AvEval.Learned.Suites;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;
using SkiaSharp;
using static AvEval.Judges.Tests.LoopbackChatServer;

namespace AvEval.Judges.Tests.Vision;

/// <summary>
/// A vision-language judge (a card with <c>vision_language: true</c>) reads the drive's bird's-eye view beside its
/// narration: the server judge's committed card, so flagged, against the loopback chat-completions server (a test double
/// for a model: no vision-language weights exist here).
/// </summary>
public sealed class VisionJudgeTests
{
    private static string VisionJudges(Uri endpoint)
    {
        string root = TestJudges.TempFolder();
        string folder = Path.Combine(root, "drive_review_server", "1.0.0");
        Directory.CreateDirectory(folder);
        string shipped = Path.Combine(TestJudges.JudgesFolder, "drive_review_server", "1.0.0");
        File.Copy(Path.Combine(shipped, "prompt.txt"), Path.Combine(folder, "prompt.txt"));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "judge-card.json")))!;
        card["provider"]!["endpoint"] = endpoint.ToString();
        card["samples"] = 1;
        card["vision_language"] = true;
        File.WriteAllText(Path.Combine(folder, "judge-card.json"), card.ToJsonString());
        return root;
    }

    private static Drive CutInDrive() => new(CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-22_1_T-1.scene.parquet")), new TrackId("681"));

    [Fact]
    public async Task ScenarioExpectation_VisionJudge_SendsTheBirdsEyeViewPngAsAnImagePart()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"ok"}""")));
        using var session = new JudgeSession();
        using var catalog = new JudgeEvaluatorCatalog(
            RegistryEvaluatorCatalog.Open(Path.Combine(RepoPaths.Root, "scenarios"), EvaluatorDevice.Cpu, TextWriter.Null),
            new JudgeRegistry(VisionJudges(server.Endpoint)),
            session,
            card => new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(card.Provider.Endpoint!, card.Provider.Model, MaxRetries: 0)));
        var expectation = (EvaluatorExpectation)ExpectationParser.Parse("evaluator drive_review_server@1 probability >= 0.5", new SourceLocation("behaviors/x/y.yaml", 9, 5));

        var evaluation = catalog.Resolve(expectation.Evaluator, expectation.Version).Analyze(CutInDrive());

        expectation.Judge(evaluation).Outcome.ShouldBe(Outcome.Pass);
        using var request = JsonDocument.Parse(server.Requests.ShouldHaveSingleItem());
        var parts = request.RootElement.GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("type").GetString()).ShouldBe(["text", "image_url"]);
        parts[0].GetProperty("text").GetString()!.ShouldContain("Image bev/1 (");
        string url = parts[1].GetProperty("image_url").GetProperty("url").GetString()!;
        url.ShouldStartWith("data:image/png;base64,");
        byte[] png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        using (var bitmap = SKBitmap.Decode(png))
        {
            bitmap.GetPixel(256, 256).ShouldBe(BirdsEyeViewRenderer.Ego, "the image is centred on the ego");
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(png));
        parts[0].GetProperty("text").GetString()!.ShouldContain($"Image bev/1 ({sha[..12]}): bird's-eye view at t=");
        evaluation.Metrics.ShouldHaveSingleItem().Definition.ShouldContain($" + bev/1 at ");
        evaluation.Metrics[0].Definition.ShouldEndWith($"({sha[..12]})");
    }

    [Fact]
    public async Task EvaluateAsync_VisionJudgeWithoutImage_InconclusiveWithoutACall()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"ok"}""")));
        var card = new JudgeRegistry(VisionJudges(server.Endpoint)).Read("drive_review_server", "1");
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(card.Provider.Endpoint!, card.Provider.Model, MaxRetries: 0));

        var verdict = await new Judge(card, client, session).EvaluateAsync(TestJudges.CutInDrive().Text, cancellationToken: TestContext.Current.CancellationToken);

        card.VisionLanguage.ShouldBeTrue();
        verdict.Probability.ShouldBeNull();
        verdict.Reason.ShouldBe("judge 'drive_review_server@1.0.0' is vision-language but was given no bird's-eye view; the verdict is inconclusive");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void InputHash_ImageAttached_DiffersFromTheTextAloneAndFollowsTheImage()
    {
        var card = new JudgeRegistry(VisionJudges(new Uri("http://127.0.0.1:9/v1"))).Read("drive_review_server", "1");
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(card.Provider.Endpoint!, card.Provider.Model, MaxRetries: 0));
        var judge = new Judge(card, client, session);
        var drive = CutInDrive();
        string text = TestJudges.CutInDrive().Text;

        string alone = Judge.InputHash(judge.MessagesFor(text, []));
        string at9 = Judge.InputHash(judge.MessagesFor(text, [], BirdsEyeViewRenderer.Render(drive, 9.5)));
        string at9Again = Judge.InputHash(judge.MessagesFor(text, [], BirdsEyeViewRenderer.Render(drive, 9.5)));
        string at11 = Judge.InputHash(judge.MessagesFor(text, [], BirdsEyeViewRenderer.Render(drive, 11.5)));

        at9.ShouldNotBe(alone);
        at9Again.ShouldBe(at9);
        at11.ShouldNotBe(at9);
    }

    [Fact]
    public async Task Certification_VisionJudge_EachGoldenWindowAskedWithItsBirdsEyeView()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"cut_in":"yes","reason":"ok"}""")));
        string root = TestJudges.TempFolder();
        string folder = Path.Combine(root, "cut_in_review_server", "1.0.0");
        Directory.CreateDirectory(folder);
        string shipped = Path.Combine(TestJudges.JudgesFolder, "cut_in_review_server", "1.0.0");
        File.Copy(Path.Combine(shipped, "prompt.txt"), Path.Combine(folder, "prompt.txt"));
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "judge-card.json")))!;
        node["provider"]!["endpoint"] = server.Endpoint.ToString();
        node["samples"] = 1;
        node["vision_language"] = true;
        File.WriteAllText(Path.Combine(folder, "judge-card.json"), node.ToJsonString());
        var card = new JudgeRegistry(root).Read("cut_in_review_server", "1");
        using var session = new JudgeSession(maxConcurrentCalls: 4);
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(card.Provider.Endpoint!, card.Provider.Model, MaxRetries: 0));

        var certification = await Certification.JudgeCertification.ComputeAsync(RepoPaths.Root, Path.Combine(RepoPaths.Root, "scenarios", "golden", "cut_in"), new Judge(card, client, session), TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);

        certification.Behaviour.ShouldBe("cut_in");
        server.Requests.Count.ShouldBe(160, "one request per item of the cut_in set");
        var images = server.Requests.Select(r =>
        {
            using var doc = JsonDocument.Parse(r);
            var parts = doc.RootElement.GetProperty("messages")[0].GetProperty("content");
            return parts[1].GetProperty("image_url").GetProperty("url").GetString()!;
        }).ToList();
        images.ShouldAllBe(u => u.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
        images.Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThan(100, "each window is its own scene moment");
    }

    [Fact]
    public void Read_VisionLanguageOnTheLocalProvider_RefusedWithTheFieldAndTheFix()
    {
        string root = TestJudges.TempFolder();
        string folder = Path.Combine(root, "local_vision", "1.0.0");
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "model.gguf");
        File.WriteAllBytes(model, [1, 2, 3]);
        string shipped = Path.Combine(TestJudges.JudgesFolder, "drive_review_tiny", "1.0.0");
        File.Copy(Path.Combine(shipped, "prompt.txt"), Path.Combine(folder, "prompt.txt"));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "judge-card.json")))!;
        card["id"] = "local_vision";
        card["provider"]!["model"] = model;
        card["provider"]!["model_sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model)));
        card["vision_language"] = true;
        string file = Path.Combine(folder, "judge-card.json");
        File.WriteAllText(file, card.ToJsonString());

        var error = Record.Exception(() => new JudgeRegistry(root).Read("local_vision", "1"));

        Assert.IsType<JudgeException>(error).Message.ShouldBe($"{file}, field 'vision_language': the card is vision-language but its provider is 'llamasharp', which reads text only; serve the vision-language model behind an OpenAI-compatible endpoint, or set 'vision_language' to false.");
    }
}
