using System.Text.Json;
using AvEval.Judges.Tests;
using AvEval.Tests;
using static AvEval.Cli.Tests.Judges.JudgeServers;

namespace AvEval.Cli.Tests.Judges;

/// <summary>
/// <c>aveval judge</c> and <c>aveval agent run</c> on a real scenario and candidate of a repository copy; server judges
/// talk real HTTP to the loopback chat-completions server (a test double for a model), the tiny judge runs the real
/// stories260K GGUF on LLamaSharp (machinery only: its verdicts are meaningless).
/// </summary>
public sealed class JudgeCommandTests
{
    private const string Scenario = "cut_in_response/us101-22-1-veh-681";

    private static string Suite(RepositoryCopy copy) => Path.Combine(copy.Root, "scenarios");

    [Fact]
    public async Task Judge_ServerAnswersPass_PrintsHashSamplesShareAndVerdictExit0()
    {
        using var copy = new RepositoryCopy();
        await using var server = new LoopbackChatServer((_, _) => Answer("""{"verdict":"pass","score":4,"reason":"kept its gap"}"""));
        PointAt(copy, server.Endpoint);

        var run = CliRun.Of("judge", "drive_review_server@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Suite(copy));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("judge        drive_review_server@1.0.0 (card ");
        run.Output.ShouldContain("drive        cut_in_response/us101-22-1-veh-681 @ rc-2026.12.1");
        run.Output.ShouldMatch(@"narration    narration/1 sha256 [0-9a-f]{64}");
        run.Output.ShouldContain("sample 1     seed 20261203: verdict = 'pass'");
        run.Output.ShouldContain("sample 3     seed 20261205: verdict = 'pass'");
        run.Output.ShouldContain("vote share   1 of 3 samples with verdict = 'pass'");
        run.Output.ShouldContain("verdict      verdict = 'pass'");
        server.Requests.Count.ShouldBe(3);
        Prompt(server.Requests[0]).ShouldContain("Drive of ego vehicle 681 on scene ");
    }

    [Fact]
    public async Task Judge_VisionLanguageCard_SendsTheBirdsEyeViewAndPrintsItsHash()
    {
        using var copy = new RepositoryCopy();
        await using var server = new LoopbackChatServer((_, _) => Answer("""{"verdict":"pass","score":4,"reason":"kept its gap"}"""));
        PointAt(copy, server.Endpoint);
        string card = Path.Combine(Suite(copy), "judges", "drive_review_server", "1.0.0", "judge-card.json");
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"samples\": 3,", "\"samples\": 1, \"vision_language\": true,", StringComparison.Ordinal));

        var run = CliRun.Of("judge", "drive_review_server@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Suite(copy), "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("image_version").GetString().ShouldBe("bev/1");
        string sha = doc.RootElement.GetProperty("image_sha256").GetString()!;
        using var request = JsonDocument.Parse(server.Requests.ShouldHaveSingleItem());
        var parts = request.RootElement.GetProperty("messages")[0].GetProperty("content");
        string url = parts[1].GetProperty("image_url").GetProperty("url").GetString()!;
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(url["data:image/png;base64,".Length..]))).ShouldBe(sha);
    }

    [Fact]
    public async Task Judge_MalformedAnswer_InconclusiveWithReasonExit1()
    {
        using var copy = new RepositoryCopy();
        await using var server = new LoopbackChatServer((n, _) => Answer(n == 2 ? """{"verdict":"pass","score":4""" : """{"verdict":"pass","score":4,"reason":"x"}"""));
        PointAt(copy, server.Endpoint);

        var run = CliRun.Of("judge", "drive_review_server@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Suite(copy), "--format", "json");

        run.ExitCode.ShouldBe(1, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("verdict").GetString().ShouldBe("inconclusive");
        doc.RootElement.GetProperty("probability").ValueKind.ShouldBe(JsonValueKind.Null);
        doc.RootElement.GetProperty("reason").GetString()!.ShouldContain("does not count: the answer is invalid");
    }

    [Fact]
    public async Task Judge_RecordedThenReplayedOffline_SameVerdictFromTheCache()
    {
        using var copy = new RepositoryCopy();
        string cache = Path.Combine(copy.Root, "judge-cache.jsonl");
        string[] args;
        string online;
        await using (var server = new LoopbackChatServer((n, _) => Answer(n % 2 == 0 ? """{"verdict":"fail","score":2,"reason":"close"}""" : """{"verdict":"pass","score":4,"reason":"ok"}""")))
        {
            PointAt(copy, server.Endpoint);
            args = ["judge", "drive_review_server@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Suite(copy), "--cache", cache, "--format", "json"];
            var first = CliRun.Of(args);
            first.ExitCode.ShouldBe(0, first.Error);
            online = first.Output;
        }

        var replay = CliRun.Of([.. args, "--replay"]);

        replay.ExitCode.ShouldBe(0, replay.Error);
        using var a = JsonDocument.Parse(online);
        using var b = JsonDocument.Parse(replay.Output);
        b.RootElement.GetProperty("probability").GetDouble().ShouldBe(a.RootElement.GetProperty("probability").GetDouble());
        b.RootElement.GetProperty("narration_sha256").GetString().ShouldBe(a.RootElement.GetProperty("narration_sha256").GetString());
        b.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("text").GetString())
            .ShouldBe(a.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        b.RootElement.GetProperty("samples").EnumerateArray().ShouldAllBe(s => s.GetProperty("from_cache").GetBoolean());
        b.RootElement.GetProperty("cache_hits").GetInt64().ShouldBe(3);
    }

    [Fact]
    public void Judge_ReplayWithoutCache_ExitCode2SayingWhatToPass()
    {
        var run = CliRun.Of("judge", "drive_review_server@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--replay");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("option '--replay' replays recorded answers offline but no '--cache' file was given; pass '--cache <file>' recorded by an earlier online run.");
    }

    [Fact]
    public void Judge_IdOfSeveralScenarios_ExitCode2NamingThem()
    {
        var run = CliRun.Of("judge", "drive_review_server@1", "--scenario", "us101-22-1-veh-681", "--candidate", "rc-2026.12.1", "--suite", Path.Combine(RepoPaths.Root, "scenarios"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("scenario id 'us101-22-1-veh-681' names several scenarios of suite ");
        run.Error.ShouldContain("'cut_in_response/us101-22-1-veh-681'");
    }

    [Fact]
    public void Judge_TinyRealModel_GrammarConstrainedSamplesAllParseExit0()
    {
        string model = RepoPaths.RequireShared("models", "stories260K", "stories260K.gguf");
        Environment.SetEnvironmentVariable("AVEVAL_SHARED_DATA", Path.GetFullPath(Path.Combine(Path.GetDirectoryName(model)!, "..", "..")));

        var run = CliRun.Of("judge", "drive_review_tiny@1", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Path.Combine(RepoPaths.Root, "scenarios"), "--format", "json");

        // Machinery only: the model is not instruction-tuned; the grammar makes every answer parse, so the verdict is conclusive.
        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("model").GetString().ShouldBe("gguf:sha256:270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d");
        doc.RootElement.GetProperty("samples").EnumerateArray().Count().ShouldBe(3);
        doc.RootElement.GetProperty("samples").EnumerateArray().ShouldAllBe(s => s.GetProperty("problem").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task AgentRun_EveryStepSucceeds_PassWithTraceExit0()
    {
        using var copy = new RepositoryCopy();
        await using var server = new LoopbackChatServer((_, _) => Answer("""{"verdict":"pass","score":4,"reason":"yielded"}"""));
        PointAt(copy, server.Endpoint);

        var run = CliRun.Of("agent", "run", "cut_in_review", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--golden", "cut_in", "--suite", Suite(copy));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("verdict    pass (probability 1)");
        run.Output.ShouldContain("  [similar] retrieve: narration ");
        run.Output.ShouldContain("k=3 of 160 cases -> nearest cases USA_");
        run.Output.ShouldContain("  [headway] tool: rule_metric(name=thw.gap.min) -> rule_metric = ");
        run.Output.ShouldContain("  [review] judge: drive_review_server@1.0.0 with 3 examples -> drive_review_server@1.0.0 voted verdict = 'pass' in 1 of 3 samples");
        run.Output.ShouldContain("[verdict] mean of review 1 = 1.000; so 1.000 >= threshold 0.5: pass");
        Prompt(server.Requests[0]).ShouldContain("Case USA_");
    }

    [Fact]
    public void AgentRun_NoGoldenCasesToRetrieve_FailsClosedExit1()
    {
        var run = CliRun.Of("agent", "run", "cut_in_review", "--scenario", Scenario, "--candidate", "rc-2026.12.1", "--suite", Path.Combine(RepoPaths.Root, "scenarios"), "--format", "json");

        run.ExitCode.ShouldBe(1, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("outcome").GetString().ShouldBe("inconclusive");
        doc.RootElement.GetProperty("rationale").GetString().ShouldBe("step 'similar' (retrieve) failed: InvalidOperationException: no golden cases were given to retrieve from; the verdict fails closed");
        doc.RootElement.GetProperty("trace").GetArrayLength().ShouldBe(1);
    }
}
