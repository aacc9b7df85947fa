using System.Diagnostics;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Judges.Clients;
using AvEval.Judges.Narration;
using AvEval.Judges.Retrieval;
using AvEval.Judges.Vision;
using AvEval.Judges.Workflows;
using AvEval.Learned.Suites;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;
using static AvEval.Judges.Tests.LoopbackChatServer;

namespace AvEval.Judges.Tests.Workflows;

/// <summary>
/// The committed workflow <c>scenarios/workflows/cut_in_review.yaml</c> on a real drive: real MiniLM retrieval over real
/// narrations, real rule and learned-evaluator tools, and the judge on the loopback chat-completions server.
/// </summary>
public sealed class WorkflowRunnerTests
{
    private static readonly string Workflow = Path.Combine(RepoPaths.Root, "scenarios", "workflows", "cut_in_review.yaml");

    private static async Task<(WorkflowVerdict Verdict, List<Activity> Activities)> RunAsync(LoopbackChatServer server, WorkflowSpec? spec = null, bool vision = false)
    {
        spec ??= WorkflowLoader.Load(Workflow);
        var scene = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-22_1_T-1.scene.parquet"));
        var analysis = RuleAnalysis.CreateDefault();
        var drive = new Drive(scene, new TrackId("681"));
        var evaluation = analysis.Analyze(drive);
        var others = analysis.AnalyzeEachVehicle(CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_US101-3_3_T-1.scene.parquet"))).Take(12).ToList();
        using var embedder = new SentenceEmbedder();
        var index = new NarrationIndex(embedder, [.. others.Select(e => ($"US101-3_3#{e.Ego}", DriveNarrator.Narrate(new Drive(CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_US101-3_3_T-1.scene.parquet")), e.Ego), e).Text, (string?)(e.EventsOf(EventKind.CutIn).Any() ? "cut_in" : "other")))]);
        using var catalog = RegistryEvaluatorCatalog.Open(Path.Combine(RepoPaths.Root, "scenarios"), EvaluatorDevice.Cpu, TextWriter.Null);
        using var session = new JudgeSession();
        using var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(server.Endpoint, "m", MaxRetries: 0));
        var judge = new Judge(TestJudges.ServerCard(server.Endpoint, samples: 3) with { VisionLanguage = vision }, client, session);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AvEval.Judges",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var context = new WorkflowContext(DriveNarrator.Narrate(drive, evaluation), index, WorkflowTools.ForDrive(drive, evaluation, catalog), key => key == judge.Card.Id + "@1" ? judge : throw new InvalidOperationException($"no judge '{key}'"), BirdsEyeViewRenderer.Render(drive, 9.5));

        var verdict = await WorkflowRunner.RunAsync(spec, context, TestContext.Current.CancellationToken);
        return (verdict, activities);
    }

    [Fact]
    public async Task Run_EveryStepSucceeds_VerdictCitesEachStepsEvidenceAndIsTraced()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"yielded"}""")));

        var (verdict, activities) = await RunAsync(server);

        verdict.Outcome.ShouldBe("pass");
        verdict.Probability.ShouldBe(1.0);
        verdict.Trace.Select(t => t.Step).ShouldBe(["similar", "headway", "detector", "review", "verdict"]);
        verdict.Trace.ShouldAllBe(t => t.Problem == null);
        verdict.Trace[0].Output!.ShouldStartWith("nearest cases US101-3_3#");
        verdict.Trace[0].Model.ShouldBe(SentenceEmbedder.ModelName);
        verdict.Trace[3].Tokens.ShouldBe(3 * 120);
        verdict.Rationale.ShouldContain("[headway] rule_metric = ");
        verdict.Rationale.ShouldContain("[detector] evaluator_output = ");
        verdict.Rationale.ShouldEndWith("[verdict] mean of review 1 = 1.000; so 1.000 >= threshold 0.5: pass");
        server.Requests[0].ShouldContain("Case US101-3_3#");
        activities.Count(a => a.OperationName == "workflow.step").ShouldBe(5);
        activities.Count(a => a.OperationName == "judge.sample").ShouldBe(3);
        activities.Single(a => a.OperationName == "workflow.run").GetTagItem("outcome").ShouldBe("pass");
    }

    [Fact]
    public async Task Run_VisionJudgeStep_AsksWithTheDrivesBirdsEyeView()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"yielded"}""")));

        var (verdict, _) = await RunAsync(server, vision: true);

        verdict.Outcome.ShouldBe("pass");
        server.Requests.Count.ShouldBe(3);
        server.Requests.ShouldAllBe(r => r.Contains("\"type\":\"image_url\"", StringComparison.Ordinal) && r.Contains("data:image/png;base64,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TextJudgeStep_SendsNoImage()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"yielded"}""")));

        var (verdict, _) = await RunAsync(server);

        verdict.Outcome.ShouldBe("pass");
        server.Requests.ShouldAllBe(r => !r.Contains("image_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_JudgeServerFails_FailsClosedNamingTheStep()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(500, "{}"));

        var (verdict, _) = await RunAsync(server);

        verdict.Outcome.ShouldBe("inconclusive");
        verdict.Probability.ShouldBeNull();
        verdict.Rationale.ShouldBe($"step 'review' (judge) failed: judge 'drive_review_server@1.0.0' sample 1 of 3 does not count: the judge server '{server.Endpoint}/chat/completions' answered HTTP 500 to each of 1 attempts; the verdict is inconclusive; the verdict fails closed");
        verdict.Trace.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Run_StepBudgetOfTwo_FailsClosedBeforeTheThirdStep()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"x"}""")));

        var (verdict, _) = await RunAsync(server, WorkflowLoader.Load(Workflow) with { MaxSteps = 2 });

        verdict.Outcome.ShouldBe("inconclusive");
        verdict.Rationale.ShouldBe("the step budget of 2 steps is spent before step 'detector'; the verdict fails closed");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_TokenBudgetBelowOneJudgeCall_FailsClosedAfterTheJudge()
    {
        await using var server = new LoopbackChatServer((_, _) => new Reply(200, Completion("""{"verdict":"pass","score":4,"reason":"x"}""")));

        var (verdict, _) = await RunAsync(server, WorkflowLoader.Load(Workflow) with { MaxTokens = 100 });

        verdict.Rationale.ShouldBe("the token budget of 100 tokens is exceeded after step 'review' (360 used); the verdict fails closed");
    }

    [Fact]
    public void Load_UnknownStepKind_NamesFileLineAndColumn()
    {
        string file = Path.Combine(TestJudges.TempFolder(), "w.yaml");
        File.WriteAllText(file, File.ReadAllText(Workflow).Replace("kind: aggregate", "kind: vote", StringComparison.Ordinal));

        var e = Record.Exception(() => WorkflowLoader.Load(file));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"{file}:21:5: step 'verdict' has the kind 'vote'; use retrieve, tool, judge or aggregate.");
    }

    [Fact]
    public void Load_StepCitingALaterStep_IsAnError()
    {
        string file = Path.Combine(TestJudges.TempFolder(), "w.yaml");
        File.WriteAllText(file, File.ReadAllText(Workflow).Replace("examples: similar", "examples: verdict", StringComparison.Ordinal));

        var e = Record.Exception(() => WorkflowLoader.Load(file));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"{file}:17:5: step 'review' cites 'verdict', which is not an earlier step; cite the id of a step above it.");
    }
}
