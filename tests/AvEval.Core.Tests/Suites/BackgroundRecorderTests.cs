using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Suites.Internal;

namespace AvEval.Tests.Suites;

public class BackgroundRecorderTests
{
    private static readonly RunManifest Manifest = new(
        new RunId("run-background"), "/suite", new string('0', 64), [], [new CandidateRecord("rc-1", "fp", "candidate")], new CodeRevision(null, false), [],
        new Dictionary<string, string>(), 0, new MachineInfo("test", 2, "cpu", "none", "10", ""), new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset End = new(2026, 12, 4, 0, 1, 0, TimeSpan.Zero);

    private static CaseRecord Case(int i) => new(
        $"following/case-{i:D4} @ rc-1", "behaviors/following/case.yaml", "following/case", "following", Severity.Blocking, "candidate", "rc-1", "fp",
        Outcome.Pass, false, null, [], [], [], []);

    [Fact]
    public void Record_CasesFasterThanTheStoreWrites_WritesEveryCaseOnceInOrderInFewerBatchesOfAtMostTheMaximum()
    {
        var store = new SlowRecorder(TimeSpan.FromMilliseconds(40));
        using var recorder = new BackgroundRecorder(store, maxBatch: 30, gather: TimeSpan.Zero);
        recorder.Begin(Manifest);

        for (int i = 0; i < 200; i++)
        {
            recorder.Record(Manifest.Id, [Case(i)]);
        }

        recorder.Finish(Manifest.Id, RunStatus.Complete, End);

        store.Batches.SelectMany(b => b).Select(c => c.Key).ShouldBe(Enumerable.Range(0, 200).Select(i => Case(i).Key));
        store.Batches.ShouldAllBe(b => b.Count <= 30);
        store.Batches.Count.ShouldBeLessThan(200 / 5, "while one write takes 40 ms the next cases gather into one batch");
        store.Calls.ShouldBe([.. Enumerable.Repeat("record", store.Batches.Count).Prepend("begin"), "finish Complete"]);
    }

    [Fact]
    public void Record_CasesWithinTheGatherTime_AreWrittenInOneBatchAtFinish()
    {
        var store = new SpyRecorder();
        using var recorder = new BackgroundRecorder(store, maxBatch: 1000, gather: TimeSpan.FromMinutes(5));
        recorder.Begin(Manifest);

        recorder.Record(Manifest.Id, [Case(0)]);
        recorder.Record(Manifest.Id, [Case(1), Case(2)]);
        recorder.Finish(Manifest.Id, RunStatus.Complete, End);

        store.Calls.ShouldBe(["begin", "record", "finish Complete"]);
        store.Cases.Count.ShouldBe(3);
    }

    [Fact]
    public void Finish_CompleteAfterAWriteFailed_FinishesTheRunFailedAndRethrowsTheWriteError()
    {
        var full = new IOException("No space left on device");
        var store = new SpyRecorder(full);
        var recorder = new BackgroundRecorder(store, maxBatch: 1, gather: TimeSpan.Zero);
        recorder.Begin(Manifest);
        recorder.Record(Manifest.Id, [Case(0)]);

        var error = Record.Exception(() => recorder.Finish(Manifest.Id, RunStatus.Complete, End));

        error.ShouldBeSameAs(full);
        store.Calls.ShouldBe(["begin", "record", "finish Failed"]);
        store.Status.ShouldBe(RunStatus.Failed);
    }

    [Fact]
    public void Record_AfterAWriteFailed_ThrowsTheWriteErrorSoTheRunnerStops()
    {
        var full = new IOException("No space left on device");
        var store = new SpyRecorder(full);
        using var recorder = new BackgroundRecorder(store, maxBatch: 1, gather: TimeSpan.Zero);
        recorder.Begin(Manifest);
        recorder.Record(Manifest.Id, [Case(0)]);

        // The first write fails on the writer thread; a later hand-over sees it (the writer stops writing).
        Exception? error = null;
        for (int i = 1; i < 1000 && error is null; i++)
        {
            error = Record.Exception(() => recorder.Record(Manifest.Id, [Case(i)]));
            Thread.Sleep(1);
        }

        error.ShouldBeSameAs(full);
        recorder.Finish(Manifest.Id, RunStatus.Failed, End);
        store.Calls.ShouldBe(["begin", "record", "finish Failed"], "nothing is written after the failed write");
    }

    [Fact]
    public void Begin_StoreSlowToBegin_ReturnsAtOnceAndTheStoreBeginsBeforeAnyCase()
    {
        using var release = new ManualResetEventSlim();
        var store = new GatedBeginRecorder(release);
        using var recorder = new BackgroundRecorder(store, maxBatch: 10, gather: TimeSpan.Zero);

        recorder.Begin(Manifest);
        recorder.Record(Manifest.Id, [Case(0)]);
        bool begunEarly = store.Calls.Contains("begin");
        release.Set();
        recorder.Finish(Manifest.Id, RunStatus.Complete, End);

        begunEarly.ShouldBeFalse("the runner judges while the store begins the run");
        store.Calls.ShouldBe(["begin", "record", "finish Complete"]);
    }

    [Fact]
    public void Finish_AfterTheStoreRefusedToBegin_RethrowsThatErrorAndFinishesNothing()
    {
        var refused = new InvalidOperationException("results store is busy");
        var store = new GatedBeginRecorder(null, refused);
        var recorder = new BackgroundRecorder(store, maxBatch: 10, gather: TimeSpan.Zero);
        recorder.Begin(Manifest);

        var error = Record.Exception(() => recorder.Finish(Manifest.Id, RunStatus.Failed, End));

        error.ShouldBeSameAs(refused, "a run that was never begun cannot be finished: the reason it is not in the store is reported");
        store.Calls.ShouldBe(["begin failed"]);
    }

    /// <summary>A recorder whose begin waits for a signal (or fails), as a store busy with another process's write does.</summary>
    private sealed class GatedBeginRecorder(ManualResetEventSlim? release, Exception? fail = null) : IRunRecorder
    {
        private readonly List<string> _calls = [];

        public List<string> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public void Begin(RunManifest manifest)
        {
            release?.Wait(TimeSpan.FromSeconds(30));
            Add(fail is null ? "begin" : "begin failed");
            if (fail is not null)
            {
                throw fail;
            }
        }

        public void Record(RunId run, IReadOnlyList<CaseRecord> cases) => Add("record");

        public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => Add($"finish {status}");

        private void Add(string call)
        {
            lock (_calls)
            {
                _calls.Add(call);
            }
        }
    }

    /// <summary>A recorder whose writes take a fixed time, as a store's do, keeping each batch (calls come from the writer thread, one at a time).</summary>
    private sealed class SlowRecorder(TimeSpan write) : IRunRecorder
    {
        public List<string> Calls { get; } = [];

        public List<IReadOnlyList<CaseRecord>> Batches { get; } = [];

        public void Begin(RunManifest manifest) => Calls.Add("begin");

        public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
        {
            Thread.Sleep(write);
            Calls.Add("record");
            Batches.Add(cases);
        }

        public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => Calls.Add($"finish {status}");
    }
}
