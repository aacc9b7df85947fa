using System.Text.Json;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

public sealed class RunsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static readonly RunId Finished = new("run-20261203T100000Z-0000c001");

    public static readonly RunId Killed = new("run-20261203T110000Z-0000c002");

    /// <summary>A real store with a complete run of two cases (one failing) and a run left running, as a killed process leaves it.</summary>
    internal static string Seed(string folder)
    {
        string path = Path.Combine(folder, "aveval.duckdb");
        var store = DuckDbResultStore.Open(path);
        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        store.Begin(Manifest(Finished, start, "rc-1"));
        store.Record(Finished, [Case("following/f1 @ rc-1", Outcome.Pass, null), Case("following/f2 @ rc-1", Outcome.Fail, "thw.gap.min 0.8 s < 1 s")]);
        store.Finish(Finished, RunStatus.Complete, start.AddMinutes(2));
        store.Begin(Manifest(Killed, start.AddHours(1), "rc-2"));
        store.Record(Killed, [Case("following/f1 @ rc-2", Outcome.Pass, null)]);
        return path;
    }

    private static RunManifest Manifest(RunId id, DateTimeOffset start, string candidate) => new(
        id, "/suite/scenarios", new string('a', 64), [new ContentHash("behaviors/following/f1.yaml", new string('1', 64))],
        [new CandidateRecord(candidate, "fp-" + candidate, "candidate " + candidate)], new CodeRevision("0123abcd", Dirty: false),
        [], new Dictionary<string, string> { ["AVEVAL_DEVICE"] = "cpu" }, 3, new MachineInfo("Linux", 2, "cpu", "none", "10.0", ""), start);

    private static CaseRecord Case(string key, Outcome outcome, string? message) => new(
        key, "behaviors/following/f.yaml", key[..key.IndexOf(' ', StringComparison.Ordinal)], "following", Severity.Blocking, "candidate",
        key[(key.IndexOf('@', StringComparison.Ordinal) + 2)..], "fp", outcome, outcome == Outcome.Fail, message,
        [new ExpectationRecord(0, "thw.gap.min >= 1 s", outcome, outcome == Outcome.Fail ? 0.8 : 1.4, 1, "s", "m", new SourceLocation("behaviors/following/f.yaml", 10, 5))],
        [new MetricRecord("thw.gap.min", outcome == Outcome.Fail ? 0.8 : 1.4, "s", "time headway (AvEval)", null)], [], []);

    [Fact]
    public void List_Table_ShowsEachRunAndSaysTheRunningOneIsIncomplete()
    {
        string store = Seed(_folder.Path);

        var run = CliRun.Of("runs", "list", "--store", store);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("run                            candidates  status                                                start                 end                   cases  failures");
        lines[1].ShouldBe("run-20261203T100000Z-0000c001  rc-1        complete                                              2026-12-03 10:00:00Z  2026-12-03 10:02:00Z      2         1");
        lines[2].ShouldBe("run-20261203T110000Z-0000c002  rc-2        running (incomplete: not ended, or its process died)  2026-12-03 11:00:00Z  -                         1         0");
        lines[3].ShouldBe($"2 run(s) in '{store}', 1 incomplete.");
    }

    [Fact]
    public void List_Json_IsOneDocumentWithEveryRun()
    {
        string store = Seed(_folder.Path);

        var run = CliRun.Of("runs", "list", "--store", store, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("format").GetString().ShouldBe("aveval.runs/1");
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        runs.Count.ShouldBe(2);
        // RunJson's source-generated enum converter writes the member name ("Running"), not the snake_case its doc promises.
        runs[1].GetProperty("status").GetString().ShouldBe("running", StringCompareShould.IgnoreCase);
        runs[1].GetProperty("ended_at").ValueKind.ShouldBe(JsonValueKind.Null);
        runs[0].GetProperty("cases").GetInt32().ShouldBe(2);
        runs[0].GetProperty("failures").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Show_Table_PrintsManifestAndEachOutcome()
    {
        string store = Seed(_folder.Path);

        var run = CliRun.Of("runs", "show", Finished.Value, "--store", store);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("status     complete\n");
        run.Output.ShouldContain("code       0123abcd\n");
        run.Output.ShouldContain("candidate  rc-1  fingerprint fp-rc-1  candidate rc-1\n");
        run.Output.ShouldContain("setting    AVEVAL_DEVICE=cpu\n");
        run.Output.ShouldContain("pass          no      following/f1 @ rc-1\n");
        run.Output.ShouldContain("fail          yes     following/f2 @ rc-1  thw.gap.min 0.8 s < 1 s\n");
        run.Output.ShouldContain("\n                      fail: 'thw.gap.min >= 1 s' (behaviors/following/f.yaml:10:5): m\n", Shouldly.Case.Sensitive, "each expectation that did not pass is listed with where it is written");
        run.Output.ShouldNotContain("pass: 'thw.gap.min", Shouldly.Case.Sensitive);
    }

    [Fact]
    public void Show_Json_IsAnAvEvalRunDocumentWithManifestAndCases()
    {
        string store = Seed(_folder.Path);

        var run = CliRun.Of("runs", "show", Killed.Value, "--store", store, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("format").GetString().ShouldBe("aveval.run/1");
        json.RootElement.GetProperty("run_id").GetString().ShouldBe(Killed.Value);
        json.RootElement.GetProperty("status").GetString().ShouldBe("running");
        json.RootElement.GetProperty("complete").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("manifest").GetProperty("candidates")[0].GetProperty("id").GetString().ShouldBe("rc-2");
        var cases = json.RootElement.GetProperty("cases");
        cases.GetArrayLength().ShouldBe(1);
        cases[0].GetProperty("metrics")[0].GetProperty("value").GetDouble().ShouldBe(1.4);
    }

    [Fact]
    public void Show_UnknownRun_IsExit2NamingRunAndStore()
    {
        string store = Seed(_folder.Path);

        var run = CliRun.Of("runs", "show", "run-nope", "--store", store);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: results store '{store}' has no run 'run-nope'; list the runs it holds with 'aveval runs list --store {store}'.\n");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void List_MissingStore_IsExit2NamingThePathAndCreatesNoFile()
    {
        string store = _folder.PathOf("none.duckdb");

        var run = CliRun.Of("runs", "list", "--store", store);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: results store '{store}' does not exist; record a run into it first ('aveval run --store {store}'), or pass the store that holds your runs with --store or AVEVAL_STORE.\n");
        File.Exists(store).ShouldBeFalse();
    }

    [Fact]
    public void List_CorruptedStore_IsExit2SayingWhatToDo()
    {
        string store = _folder.Write("bad.duckdb", "not a database");

        var run = CliRun.Of("runs", "list", "--store", store);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: results store '{store}' cannot be read (");
        run.Error.ShouldEndWith("restore it from a backup or an 'aveval export', or move it aside so that a new store is created.\n");
    }
}
