using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Suites;

namespace AvEval.Tests.Suites;

public class SuiteRunnerTests
{
    private static readonly SuiteSettings Settings = SuiteSettings.Default;

    private static (Suite Suite, IReadOnlyList<SuiteCase> Cases) Open(SuiteFolder folder, params string[] candidates)
    {
        var suite = new Suite(folder.Folder, NoEvaluatorCatalog.Instance);
        return (suite, suite.Discover(Suite.AllScenarios, suite.SelectCandidates(candidates)));
    }

    [Fact]
    public void Run_TwoCases_BeginsRecordsThemAndFinishesComplete()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        var (suite, cases) = Open(folder, "rc-2026.12.1", "rc-2026.12.2-short-gap");
        var recorder = new SpyRecorder();

        var run = new SuiteRunner(suite).Run(cases, Settings, recorder, cancellation: TestContext.Current.CancellationToken);

        // One write or two: the writer thread takes what has arrived when it starts (BackgroundRecorderTests covers the batching).
        recorder.Calls[0].ShouldBe("begin");
        recorder.Calls[^1].ShouldBe("finish Complete");
        recorder.Calls[1..^1].ShouldAllBe(c => c == "record");
        recorder.Calls.Count.ShouldBeInRange(3, 4);
        run.Status.ShouldBe(RunStatus.Complete);
        recorder.Manifest!.Id.ShouldBe(run.Manifest.Id);
        recorder.Cases.Select(c => c.Key).ShouldBe(["following_distance/veh-518 @ rc-2026.12.1", "following_distance/veh-518 @ rc-2026.12.2-short-gap"]);
        recorder.Cases.Select(c => c.Candidate).ShouldBe(["rc-2026.12.1", "rc-2026.12.2-short-gap"]);
        recorder.Cases.ShouldAllBe(c => c.Metrics.Any(m => m.Name == "thw.gap.min" && m.Unit == "s"));
        recorder.Cases.ShouldAllBe(c => c.Expectations.Single().Text == "thw.gap.min >= 1 s");
    }

    [Fact]
    public void Run_WithProgress_ReportsEachCaseBeforeJudgingItThenTheTotal()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        folder.Write("behaviors/following_distance/veh-518-again.yaml", SuiteFolder.Following.Replace("id: veh-518", "id: veh-518-again", StringComparison.Ordinal));
        var (suite, cases) = Open(folder, "rc-2026.12.1", "rc-2026.12.2-short-gap");
        var progress = new ListProgress();

        var run = new SuiteRunner(suite).Run(cases, Settings, progress: progress, cancellation: TestContext.Current.CancellationToken);

        run.Cases.Count.ShouldBe(4);
        progress.Reports.Select(r => r.Done).ShouldBe([0, 1, 2, 3, 4], "reported before each of the four cases and once after the last");
        progress.Reports.ShouldAllBe(r => r.Total == 4);
        progress.Reports.Select(r => r.Current).ShouldBe([.. cases, null], "each case is reported as it is judged, in the order given");
        progress.Reports.Take(4).ShouldAllBe(r => r.Current!.Behavior == "following_distance");
    }

    [Fact]
    public void Run_Cancelled_FinishesCancelledAndThrows()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        var (suite, cases) = Open(folder);
        var recorder = new SpyRecorder();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var error = Record.Exception(() => new SuiteRunner(suite).Run(cases, Settings, recorder, cancellation: cancel.Token));

        Assert.IsType<OperationCanceledException>(error);
        recorder.Calls.ShouldBe(["begin", "finish Cancelled"]);
    }

    [Fact]
    public void Run_RecorderThrows_FinishesFailedNotComplete()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        var (suite, cases) = Open(folder);
        var recorder = new SpyRecorder(new IOException("No space left on device"));

        var error = Record.Exception(() => new SuiteRunner(suite).Run(cases, Settings, recorder, cancellation: TestContext.Current.CancellationToken));

        Assert.IsType<IOException>(error);
        recorder.Calls.ShouldBe(["begin", "record", "finish Failed"]);
    }

    [Fact]
    public void Judge_EgoNotInLog_FailsWithThePreciseErrorAndRecordsNoVerdict()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following.Replace("ego: '518'", "ego: '999999'", StringComparison.Ordinal));
        var (suite, cases) = Open(folder);

        var outcome = new SuiteRunner(suite).Judge(cases.ShouldHaveSingleItem());

        outcome.Kind.ShouldBe(CaseOutcomeKind.Failure);
        outcome.Failure!.ShouldStartWith("behaviors/following_distance/veh-518.yaml:6:6: ");
        outcome.Failure.ShouldContain("log 'logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet' has no such track");
        outcome.Record.Outcome.ShouldBeNull();
        outcome.Record.BlocksRelease.ShouldBeTrue();
        outcome.Record.Message.ShouldBe(outcome.Failure);
    }

    [Fact]
    public void Judge_WarningScenarioThatFails_PassesWithAWarningThatDoesNotBlock()
    {
        using var folder = new SuiteFolder();
        folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following.Replace("severity: blocking", "severity: warning", StringComparison.Ordinal));
        var (suite, cases) = Open(folder, "rc-2026.12.2-short-gap");

        var outcome = new SuiteRunner(suite).Judge(cases.ShouldHaveSingleItem());

        outcome.Result!.Verdict.Outcome.ShouldBe(Outcome.Fail);
        outcome.Kind.ShouldBe(CaseOutcomeKind.Warning);
        outcome.Failure.ShouldBeNull();
        outcome.Warnings.ShouldHaveSingleItem().ShouldStartWith("warning scenario did not pass (the test passes; it does not block the release): following_distance/veh-518 @ rc-2026.12.2-short-gap: fail (warning)");
        outcome.Record.BlocksRelease.ShouldBeFalse();
        outcome.Record.Outcome.ShouldBe(Outcome.Fail);
    }

    /// <summary>Keeps every report, on the runner's thread (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class ListProgress : IProgress<RunProgress>
    {
        public List<RunProgress> Reports { get; } = [];

        public void Report(RunProgress value) => Reports.Add(value);
    }
}
