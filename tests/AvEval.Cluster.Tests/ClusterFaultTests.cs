using AvEval.Runs;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cluster.Tests;

/// <summary>
/// Faults with real processes: a silo killed with SIGKILL mid-run (its items are judged elsewhere and the run completes
/// with every case once and the single-process verdicts), and a coordinator killed mid-run (its run stays running and
/// <see cref="ClusterRunner.ResumeAsync"/> finishes it without judging the stored cases again). Each test has a cluster
/// of its own.
/// </summary>
public sealed class ClusterFaultTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_SiloKilledMidRun_CompletesWithEveryCaseOnceAndTheSingleProcessVerdicts()
    {
        using var cluster = new LoopbackCluster(3);
        var (suite, cases, catalog) = SmallSuite.Open();
        using var _ = catalog;
        var store = DuckDbResultStore.Open(_folder.PathOf("killed-silo.duckdb"));
        var recorder = new KillOnFirstRecord(store, () => cluster.Kill(1));
        await using var connection = await ClusterConnection.ConnectAsync(cluster.Address, cluster.Cluster, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // One case per item, three in flight: when silo 1 dies, most items are yet to be placed, some on silo 1 before it is declared dead.
        var runner = new ClusterRunner(connection.Client) { BatchSize = 1, Parallelism = 3 };

        var result = await runner.RunAsync(suite, SmallSuite.Pattern, cases, SmallSuite.Settings, recorder, TestContext.Current.CancellationToken);

        cluster.IsRunning(1).ShouldBeFalse();
        result.Status.ShouldBe(RunStatus.Complete);
        result.Retries.ShouldBeGreaterThan(0, $"items in flight on the killed silo are sent again; per silo: {string.Join(", ", result.Silos)}; recorded calls {recorder.Calls}");
        var stored = store.GetCases(result.Manifest.Id);
        stored.Select(c => c.Key).ShouldBe(SmallSuite.Reference.Select(c => c.Key));
        stored.Select(c => c.Key).Distinct().Count().ShouldBe(27);
        SmallSuite.Json(stored).ShouldBe(SmallSuite.Json(SmallSuite.Reference));
        store.GetRun(result.Manifest.Id).Status.ShouldBe(RunStatus.Complete);
    }

    [Fact]
    public async Task ResumeAsync_CoordinatorKilledMidRun_FinishesTheRunWithoutJudgingStoredCasesAgain()
    {
        using var cluster = new LoopbackCluster(2);
        string path = _folder.PathOf("killed-coordinator.duckdb");
        using var coordinator = LoopbackCluster.StartAveval("run", "--suite", SmallSuite.Folder, "--filter", SmallSuite.Pattern, "--candidate", SmallSuite.Candidate, "--cluster", cluster.Cluster, "--store", path, "--batch-size", "1", "--no-progress");
        var output = coordinator.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = coordinator.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        RunSummary? running = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline && running is null; await Task.Delay(20, TestContext.Current.CancellationToken))
        {
            if (File.Exists(path) && DuckDbResultStore.OpenExisting(path).ListRuns() is [{ Cases: >= 1 } run])
            {
                running = run;
            }
        }

        coordinator.Kill();
        await coordinator.WaitForExitAsync(TestContext.Current.CancellationToken);
        running.ShouldNotBeNull($"the coordinator recorded some cases before it was killed: {await output}{await errors}");
        var store = DuckDbResultStore.OpenExisting(path);
        store.GetRun(running.Id).Status.ShouldBe(RunStatus.Running, "a killed coordinator leaves its run running, never complete");
        var kept = store.GetCases(running.Id);
        kept.Count.ShouldBeLessThan(27, "killed mid-run");
        var (suite, cases, catalog) = SmallSuite.Open();
        using var opened = catalog;
        await using var connection = await ClusterConnection.ConnectAsync(cluster.Address, cluster.Cluster, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var result = await new ClusterRunner(connection.Client) { BatchSize = 1 }.ResumeAsync(store.GetManifest(running.Id), [.. kept.Select(k => k.Key)], suite, SmallSuite.Pattern, cases, store, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(RunStatus.Complete);
        result.Reused.ShouldBe(kept.Count);
        result.Cases.Count.ShouldBe(27 - kept.Count, "only the cases not stored are judged again");
        result.Cases.Select(c => c.Key).ShouldNotContain(k => kept.Any(s => s.Key == k));
        store.GetRun(running.Id).Status.ShouldBe(RunStatus.Complete);
        var stored = store.GetCases(running.Id);
        stored.Select(c => c.Key).ShouldBe(SmallSuite.Reference.Select(c => c.Key));
        SmallSuite.Json(stored).ShouldBe(SmallSuite.Json(SmallSuite.Reference));
    }

    /// <summary>Forwards to the real store; runs an action (kill a silo) once, on the first cases recorded.</summary>
    private sealed class KillOnFirstRecord(IRunRecorder inner, Action onFirst) : IRunRecorder
    {
        private int _calls;

        public int Calls => _calls;

        public void Begin(RunManifest manifest) => inner.Begin(manifest);

        public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
        {
            inner.Record(run, cases);
            if (Interlocked.Increment(ref _calls) == 1)
            {
                onFirst();
            }
        }

        public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => inner.Finish(run, status, endedAt);
    }
}
