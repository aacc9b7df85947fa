using System.Text.Json;
using AvEval.Analysis;
using AvEval.Cli.Commands;
using AvEval.Import;
using AvEval.Runs;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

public sealed partial class RunCommandTests
{
    private static readonly string Scenarios = Path.Combine(RepoPaths.Root, "scenarios");

    private static readonly Dictionary<string, string> CpuOnly = new() { ["AVEVAL_DEVICE"] = "cpu" };

    private static (int Code, string Output, string Error) Execute(RunSettings settings, IReadOnlyDictionary<string, string>? variables = null, Func<string, IRunRecorder>? store = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), OpenStore: store);
        var lookup = variables ?? CpuOnly;

        int code = RunCommand.Execute(settings, environment, n => lookup.GetValueOrDefault(n));

        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Execute_CutInScenariosDefaultCandidate_ExitsZeroWithTheSummaryFirst()
    {
        var (code, output, _) = Execute(new RunSettings([], Scenarios, "behaviors/cut_in_response/*.yaml", null, OutputFormat.Table));

        code.ShouldBe(ExitCodes.Success, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldMatch(@"^run run-\d{8}T\d{6}Z-[0-9a-f]{8} \(rc-2026\.12\.1\): complete, 21 cases: 21 passed, 0 passed with warnings, 0 failed$");
        lines[1].ShouldBe("stored: not recorded (no --store or AVEVAL_STORE)");
        lines.ShouldContain("cut_in_response                 21     0     0");
        lines.ShouldContain("  pass  cut_in_response/us101-22-1-veh-681 @ rc-2026.12.1");
        output.ShouldNotContain("failures:");
    }

    [Fact]
    public void Execute_ShortGapOnFollowingDistance_ExitsOneAndListsEachFailureOnOneLine()
    {
        var (code, output, _) = Execute(new RunSettings(["rc-2026.12.2-short-gap"], Scenarios, "behaviors/following_distance/*.yaml", null, OutputFormat.Table));

        code.ShouldBe(ExitCodes.FailingVerdicts);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int failures = lines.IndexOf("failures:");
        failures.ShouldBeGreaterThan(0);
        var listed = lines.Skip(failures + 1).TakeWhile(l => l.Length > 0).ToList();
        listed.Count.ShouldBeGreaterThanOrEqualTo(8, "the short-gap candidate fails at least eight following-distance scenarios (WorseCandidateTests)");
        listed.ShouldAllBe(l => l.StartsWith("  following_distance/", StringComparison.Ordinal) && l.Contains(" @ rc-2026.12.2-short-gap: fail: '", StringComparison.Ordinal));
        listed.ShouldContain(l => l.StartsWith("  following_distance/us101-10-1-veh-518 @ rc-2026.12.2-short-gap: fail: 'thw.gap.min >= 1 s': ", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_Json_PrintsOneRunDocumentWithFormatIdStatusAndCases()
    {
        var (code, output, _) = Execute(new RunSettings([], Scenarios, "behaviors/cut_in_response/*.yaml", null, OutputFormat.Json));

        code.ShouldBe(ExitCodes.Success);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("format").GetString().ShouldBe("aveval.run/1");
        root.GetProperty("run_id").GetString()!.ShouldStartWith("run-");
        root.GetProperty("status").GetString().ShouldBe("complete");
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        cases.Count.ShouldBe(21, "the shipped suite has 21 cut-in scenarios (7 written by hand, 14 mined)");
        var first = cases[0];
        first.GetProperty("candidate").GetString().ShouldBe("rc-2026.12.1");
        first.GetProperty("outcome").GetString().ShouldBe("pass");
        first.GetProperty("blocks_release").GetBoolean().ShouldBeFalse();
        first.GetProperty("metrics").EnumerateArray().ShouldContain(m => m.GetProperty("name").GetString() == "ttc.nuplan.min" && m.GetProperty("unit").GetString() == "s");
    }

    [Fact]
    public void Execute_StoreConfigured_RecordsTheRunItPrints()
    {
        var recorder = new ListRecorder();
        string? opened = null;

        var (code, output, _) = Execute(new RunSettings([], Scenarios, "behaviors/cut_in_response/*.yaml", "runs.duckdb", OutputFormat.Json), store: path => { opened = path; return recorder; });

        code.ShouldBe(ExitCodes.Success);
        opened.ShouldBe("runs.duckdb");
        using var doc = JsonDocument.Parse(output);
        recorder.Begun.ShouldHaveSingleItem().Id.Value.ShouldBe(doc.RootElement.GetProperty("run_id").GetString());
        recorder.Cases.Count.ShouldBe(21, "the shipped suite has 21 cut-in scenarios");
        recorder.Finished.ShouldBe([RunStatus.Complete]);
        recorder.Begun[0].Contents.ShouldContain(c => c.Path == "candidates.yaml");
    }

    [Fact]
    public void Run_StoreWithoutAStoreConfigured_ExitsTwoNamingTheOption()
    {
        var run = CliRun.Of("run", "--suite", Scenarios, "--filter", "behaviors/cut_in_response/*.yaml", "--store", "runs.duckdb");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().ShouldBe("error: --store is 'runs.duckdb', but this build has no results store configured (AvEval.Tracking); run without --store or use a build that includes the store.");
    }

    [Fact]
    public void Run_UnknownCandidate_ExitsTwoListingTheKnownOnes()
    {
        var run = CliRun.Of("run", "--suite", Scenarios, "--candidate", "rc-nope");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().ShouldBe($"error: --candidate names candidate 'rc-nope', which {Path.Combine(Scenarios, "candidates.yaml")} does not define; known candidates are human, rc-2026.12.1, rc-2026.12.2-short-gap, rc-2027.01.1-lane-centre, rc-2027.02.1-mobil, rc-2027.02.2-eager-lane-change, rc-2027.03.1-cautious, rc-2027.03.2-noisy-gap.");
    }

    [Fact]
    public void Execute_BadDeviceVariable_ThrowsNamingTheVariable()
    {
        var error = Record.Exception(() => Execute(new RunSettings([], Scenarios, null, null, OutputFormat.Table), new Dictionary<string, string> { ["AVEVAL_DEVICE"] = "tpu" }));

        error.ShouldNotBeNull().Message.ShouldBe("AVEVAL_DEVICE is 'tpu', but it must be cpu, cuda or auto; fix it in runsettings.xml, with 'dotnet test -e AVEVAL_DEVICE=...' or in the environment of 'aveval run'.");
        Assert.IsAssignableFrom<Errors.AvEvalException>(error);
    }

    /// <summary>A test double of the recorder: the real one is AvEval.Tracking's DuckDB store, which is not part of this build yet.</summary>
    private sealed class ListRecorder : IRunRecorder
    {
        public List<RunManifest> Begun { get; } = [];

        public List<CaseRecord> Cases { get; } = [];

        public List<RunStatus> Finished { get; } = [];

        public void Begin(RunManifest manifest) => Begun.Add(manifest);

        public void Record(RunId run, IReadOnlyList<CaseRecord> cases) => Cases.AddRange(cases);

        public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => Finished.Add(status);
    }
}
