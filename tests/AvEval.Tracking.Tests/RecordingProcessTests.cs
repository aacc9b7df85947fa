using System.Diagnostics;
using System.Globalization;
using AvEval.Runs;

namespace AvEval.Tracking.Tests;

/// <summary>Real child processes (this test assembly with a verb, see <see cref="Program"/>) recording into one real store file.</summary>
public sealed class RecordingProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void KilledMidRun_RunStaysRunningIncompleteAndItsCasesStayWhole()
    {
        string store = _folder.PathOf("aveval.duckdb");
        string ready = _folder.PathOf("ready");
        var run = new RunId("run-20261203T100000Z-0000dead");
        using var child = ChildProcess.Start(Program.UntilKilledVerb, store, run.Value, ready);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(ready))
        {
            if (child.HasExited)
            {
                Assert.Fail($"the recording child exited early: {child.StandardError.ReadToEnd()}");
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "the recording child did not signal in a minute");
            Thread.Sleep(20);
        }

        Thread.Sleep(150);
        child.Kill(); // SIGKILL on Linux: no handler runs, the lock file's flock goes with the process.
        child.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();

        var reader = DuckDbResultStore.OpenExisting(store);
        var summary = reader.ListRuns().Single();
        var cases = reader.GetCases(run);

        summary.Id.ShouldBe(run);
        summary.Status.ShouldBe(RunStatus.Running);
        summary.EndedAt.ShouldBeNull();
        reader.LatestCompleteRun("rc-1").ShouldBeNull();
        cases.Count.ShouldBeGreaterThanOrEqualTo(5 * Program.KillBatch);
        (cases.Count % Program.KillBatch).ShouldBe(0, "every batch is one transaction: all of it or none");
        summary.Cases.ShouldBe(cases.Count);
        cases.ShouldAllBe(c => c.Metrics.Count == 3 && c.Expectations.Count == 2 && c.Events.Count == 1 && c.LearnedOutputs.Count == 1);
        cases.Select(c => c.Key).ShouldBe(Enumerable.Range(0, cases.Count).Select(i => $"b{i / Program.KillBatch:D4}-{i % Program.KillBatch:D5}"));
    }

    [Fact]
    public async Task TwoProcessesRecordingAtOnce_BothRunsCompleteWithEveryCase()
    {
        string store = _folder.PathOf("aveval.duckdb");
        const int Cases = 300;
        const int Batch = 10;
        var runs = new[] { new RunId("run-20261203T100000Z-000000a1"), new RunId("run-20261203T100000Z-000000b2") };
        var clock = Stopwatch.StartNew();
        var children = runs.Select((r, i) => ChildProcess.Start(Program.RunVerb, store, r.Value, $"rc-{i + 1}", Cases.ToString(CultureInfo.InvariantCulture), Batch.ToString(CultureInfo.InvariantCulture))).ToArray();

        var token = TestContext.Current.CancellationToken;
        var outputs = children.Select(c => c.StandardOutput.ReadToEndAsync(token)).ToArray();
        var errors = children.Select(c => c.StandardError.ReadToEndAsync(token)).ToArray();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        for (int i = 0; i < children.Length; i++)
        {
            await children[i].WaitForExitAsync(limit.Token);
            children[i].ExitCode.ShouldBe(0, $"child {i} failed: {await errors[i]}");
            children[i].Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"two processes x {Cases} cases in batches of {Batch}: {clock.ElapsedMilliseconds} ms wall; children {(await outputs[0]).Trim()} ms and {(await outputs[1]).Trim()} ms");
        var reader = DuckDbResultStore.OpenExisting(store);
        var summaries = reader.ListRuns();
        summaries.Select(s => s.Id.Value).Order(StringComparer.Ordinal).ShouldBe(runs.Select(r => r.Value));
        summaries.ShouldAllBe(s => s.Status == RunStatus.Complete && s.Cases == Cases && s.Failures == Cases / 5);
        for (int i = 0; i < runs.Length; i++)
        {
            reader.GetCases(runs[i]).Select(c => c.Key).ShouldBe(Enumerable.Range(0, Cases).Select(k => $"rc-{i + 1}-{k:D5}"));
        }
    }
}
