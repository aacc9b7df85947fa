using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios;

namespace AvEval.Tracking.Tests;

public sealed class DuckDbResultStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf(Path.Combine("reports", "aveval.duckdb"));

    [Fact]
    public void GetCases_AfterRecord_ReturnsEveryFieldAsRecordedInOrder()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261203T100000Z-00000001");
        var cases = new[] { TestRuns.Case("b", outcome: null, blocks: true, message: "bad input: file x line 3"), TestRuns.Case("a", outcome: Outcome.Fail, blocks: true, message: "thw 0.8 s < 1 s") };

        store.Begin(TestRuns.Manifest(run, "rc-1"));
        store.Record(run, cases);
        var read = DuckDbResultStore.OpenExisting(StorePath).GetCases(run);

        read.Count.ShouldBe(2);
        for (int i = 0; i < 2; i++)
        {
            read[i].Key.ShouldBe(cases[i].Key);
            (read[i] with { Expectations = [], Metrics = [], Events = [], LearnedOutputs = [] }).ShouldBe(cases[i] with { Expectations = [], Metrics = [], Events = [], LearnedOutputs = [] });
            read[i].Expectations.ShouldBe(cases[i].Expectations);
            read[i].Metrics.ShouldBe(cases[i].Metrics);
            read[i].LearnedOutputs.ShouldBe(cases[i].LearnedOutputs);
            read[i].Events.Single().Agents.ShouldBe(["car-7", "car-9"]);
            (read[i].Events.Single() with { Agents = [] }).ShouldBe(new EventRecord("cut_in", 1.5, 3.25, [], "car-7 cut in"));
        }

        read[0].Metrics[0].Value.ShouldBe(double.PositiveInfinity);
        read[0].Metrics[1].Value.ShouldBeNull();
        read[0].Metrics[1].Reason.ShouldBe("no lead vehicle");
    }

    [Fact]
    public void Record_SameKeyTwice_StoresItOnceWithTheLaterRecord()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261203T100000Z-00000002");
        store.Begin(TestRuns.Manifest(run, "rc-1"));

        store.Record(run, [TestRuns.Case("k1", outcome: Outcome.Fail, blocks: true, metrics: 5), TestRuns.Case("k2")]);
        store.Record(run, [TestRuns.Case("k1", outcome: Outcome.Pass, metrics: 2)]);
        store.Record(run, [TestRuns.Case("k3"), TestRuns.Case("k3", outcome: Outcome.Inconclusive, metrics: 4)]);
        var cases = store.GetCases(run);

        cases.Select(c => c.Key).ShouldBe(["k2", "k1", "k3"]);
        cases[1].Outcome.ShouldBe(Outcome.Pass);
        cases[1].Metrics.Count.ShouldBe(2);
        cases[1].Expectations.Count.ShouldBe(2);
        cases[1].Events.Count.ShouldBe(1);
        cases[2].Outcome.ShouldBe(Outcome.Inconclusive);
        cases[2].Metrics.Count.ShouldBe(4);
        store.GetRun(run).Cases.ShouldBe(3);
        store.GetRun(run).Failures.ShouldBe(0);
    }

    [Fact]
    public void ListRuns_RunningAndFinishedRuns_ReportsEachStatusCountsAndNoEndWhileRunning()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var first = new RunId("run-20261203T100000Z-0000000a");
        var second = new RunId("run-20261203T110000Z-0000000b");
        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, 123, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 12, 3, 12, 30, 0, 250, TimeSpan.FromHours(1));

        store.Begin(TestRuns.Manifest(first, start, "rc-1", "rc-2"));
        store.Record(first, TestRuns.Cases(10));
        store.Finish(first, RunStatus.Complete, end);
        store.Begin(TestRuns.Manifest(second, start.AddHours(1), "rc-2"));
        store.Record(second, TestRuns.Cases(3));
        var runs = store.ListRuns();

        runs.Count.ShouldBe(2);
        runs[0].ShouldBe(runs[0] with { Id = first, Status = RunStatus.Complete, StartedAt = start, EndedAt = end, Cases = 10, Failures = 2 });
        runs[0].Candidates.ShouldBe(["rc-1", "rc-2"]);
        runs[0].EndedAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
        runs[1].Status.ShouldBe(RunStatus.Running);
        runs[1].EndedAt.ShouldBeNull();
        runs[1].Cases.ShouldBe(3);
        runs[1].Failures.ShouldBe(1);
    }

    [Fact]
    public void GetManifest_AfterBegin_ReturnsTheManifestAsBegun()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261203T100000Z-00000003");
        var manifest = TestRuns.Manifest(run, "rc-1", "rc-2");

        store.Begin(manifest);
        var read = store.GetManifest(run);

        RunJson.Serialize(read).ShouldBe(RunJson.Serialize(manifest));
        read.Code.ShouldBe(new CodeRevision("0123456789abcdef0123456789abcdef01234567", true));
        read.Settings["AVEVAL_SEED"].ShouldBe("7");
    }

    [Fact]
    public void LatestCompleteRun_RunningFailedAndNewerRuns_IsTheNewestCompleteRunOfThatCandidate()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var t = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        RunId Begin(int hour, string status, params string[] candidates)
        {
            var id = new RunId($"run-2026120{hour}-{status}");
            store.Begin(TestRuns.Manifest(id, t.AddHours(hour), candidates));
            if (status != "running")
            {
                store.Finish(id, Enum.Parse<RunStatus>(status, ignoreCase: true), t.AddHours(hour).AddMinutes(5));
            }

            return id;
        }

        var old = Begin(1, "complete", "rc-1");
        var latest = Begin(2, "complete", "rc-1", "rc-2");
        Begin(3, "failed", "rc-1");
        Begin(4, "cancelled", "rc-1");
        Begin(5, "running", "rc-1");
        var other = Begin(6, "complete", "rc-3");

        store.LatestCompleteRun("rc-1").ShouldBe(latest);
        store.LatestCompleteRun("rc-3").ShouldBe(other);
        store.LatestCompleteRun("rc-9").ShouldBeNull();
        old.ShouldNotBe(latest);
    }

    [Fact]
    public void Record_AfterFinish_IsRunEndedNamingRunAndStatus()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261203T100000Z-00000004");
        store.Begin(TestRuns.Manifest(run, "rc-1"));
        store.Finish(run, RunStatus.Cancelled, DateTimeOffset.UnixEpoch);

        var ex = Record.Exception(() => store.Record(run, [TestRuns.Case("late")]));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"run 'run-20261203T100000Z-00000004' in results store '{StorePath}' has already ended as 'cancelled'; record into a new run instead.");
        store.GetCases(run).ShouldBeEmpty();
    }

    [Fact]
    public void Begin_SameIdTwice_IsDuplicateRun()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261203T100000Z-00000005");
        store.Begin(TestRuns.Manifest(run, "rc-1"));

        var ex = Record.Exception(() => store.Begin(TestRuns.Manifest(run, "rc-2")));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"results store '{StorePath}' already holds run 'run-20261203T100000Z-00000005'; begin every run with a new id (RunId.New).");
        store.ListRuns().Single().Candidates.ShouldBe(["rc-1"]);
    }

    [Fact]
    public void GetCases_UnknownRun_IsUnknownRunNamingStoreAndId()
    {
        var store = DuckDbResultStore.Open(StorePath);

        var ex = Record.Exception(() => store.GetCases(new RunId("run-nope")));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"results store '{StorePath}' has no run 'run-nope'; list the runs it holds with 'aveval runs list --store {StorePath}'.");
    }

    [Fact]
    public void OpenExisting_MissingFile_IsMissingAndCreatesNothing()
    {
        var ex = Record.Exception(() => DuckDbResultStore.OpenExisting(StorePath));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"results store '{StorePath}' does not exist; record a run into it first ('aveval run --store {StorePath}'), or pass the store that holds your runs with --store or AVEVAL_STORE.");
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void Open_LockHeldPastTheTimeout_IsBusy()
    {
        DuckDbResultStore.Open(StorePath);
        using var held = new FileStream(StorePath + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var ex = Record.Exception(() => DuckDbResultStore.Open(StorePath, TimeSpan.FromMilliseconds(300)));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldStartWith($"results store '{StorePath}' stayed locked by other processes for 0.");
    }

    [Fact]
    public void ResolvePath_OptionEnvironmentDefault_InThatOrder()
    {
        ResultStorePath.Resolve("x.duckdb", _ => "y.duckdb").ShouldBe("x.duckdb");
        ResultStorePath.Resolve(null, name => name == "AVEVAL_STORE" ? "y.duckdb" : null).ShouldBe("y.duckdb");
        ResultStorePath.Resolve(" ", _ => "").ShouldBe(Path.Combine("reports", "aveval.duckdb"));
    }
}
