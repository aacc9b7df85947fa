using System.Diagnostics;
using AvEval.Runs;
using AvEval.Tracking.Internal;

namespace AvEval.Tracking.Tests;

public sealed class StoreSessionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf(Path.Combine("reports", "aveval.duckdb"));

    [Fact]
    public void Record_WhileAnotherInstanceReadsBetweenBatches_HandsTheFileOverBothWaysAndLosesNothing()
    {
        var writer = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261204T100000Z-00000001");
        writer.Begin(TestRuns.Manifest(run, "rc-1"));
        writer.Record(run, TestRuns.Cases(10, "a"));

        // The writer holds the file between its batches; a reader in this process waits at most a few watch intervals.
        var reader = DuckDbResultStore.OpenExisting(StorePath, TimeSpan.FromSeconds(10));
        var during = reader.GetCases(run);
        writer.Record(run, TestRuns.Cases(5, "b"));
        writer.Finish(run, RunStatus.Complete, new DateTimeOffset(2026, 12, 4, 10, 1, 0, TimeSpan.Zero));
        var after = reader.GetRun(run);

        during.Count.ShouldBe(10);
        after.Status.ShouldBe(RunStatus.Complete);
        after.Cases.ShouldBe(15);
        reader.GetCases(run).Select(c => c.Key).ShouldBe([.. TestRuns.Cases(10, "a").Concat(TestRuns.Cases(5, "b")).Select(c => c.Key)]);
    }

    [Fact]
    public void Finish_RunOfTheInstance_ClosesTheFileSoThatAnyProcessMayOpenIt()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-20261204T100000Z-00000002");
        store.Begin(TestRuns.Manifest(run, "rc-1"));
        store.Record(run, TestRuns.Cases(3));

        store.Finish(run, RunStatus.Complete, new DateTimeOffset(2026, 12, 4, 10, 1, 0, TimeSpan.Zero));

        // The lock file is free at once (no watch needed): FileShare.None would throw were it still held.
        using (new FileStream(StorePath + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Exists(StorePath + ".wal").ShouldBeFalse("closing checkpoints the write-ahead log into the file");
    }

    [Fact]
    public void OthersWaiting_MarkersOfLiveAndDeadProcesses_CountsOnlyTheLiveOnes()
    {
        DuckDbResultStore.Open(StorePath);
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        string dead = $"{Path.GetFullPath(StorePath)}.lock.wait.{exited.Id}.stale";
        File.WriteAllBytes(dead, []);

        bool withDeadOnly = StoreLock.OthersWaiting(StorePath);
        string live = $"{Path.GetFullPath(StorePath)}.lock.wait.{Environment.ProcessId}.live";
        File.WriteAllBytes(live, []);
        bool withLive = StoreLock.OthersWaiting(StorePath);

        withDeadOnly.ShouldBeFalse("a waiter that was killed leaves its marker; it must not make holders hand over forever");
        withLive.ShouldBeTrue();
    }
}
