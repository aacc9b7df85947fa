using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>The run fixture on real DuckDB store files: begun at the first case, batched, finished on disposal.</summary>
public sealed class RunRecordingFixtureTests : IDisposable
{
    private const string Worse = "rc-2026.12.2-short-gap";

    private readonly TempSuite _suite = new();

    public RunRecordingFixtureTests()
    {
        _suite.Write("behaviors/following_distance/veh-518.yaml", Yaml("veh-518", "518", "thw.gap.min >= 1 s"));
        _suite.Write("behaviors/progress/veh-518.yaml", Yaml("veh-518-progress", "518", "speed.mean >= 0 m/s").Replace("behavior: following_distance", "behavior: progress", StringComparison.Ordinal));
    }

    private string StorePath => Path.Combine(_suite.Folder, "store", "aveval.duckdb");

    private ScenarioRunner Runner() => new(SuiteSettings.Default with { ScenariosFolder = _suite.Folder, Candidates = [Worse], Store = StorePath, Device = EvaluatorDevice.Cpu });

    [Fact]
    public void Dispose_AfterEveryCaseVerified_RunIsCompleteWithEachCasesRecord()
    {
        var runner = Runner();
        var cases = _suite.Discover("behaviors/**/*.yaml", Worse);
        var fixture = new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p));

        var errors = cases.Select(c => Record.Exception(() => runner.Verify(c.Case))).ToList();
        fixture.Dispose();

        errors.Count(e => e is ShouldAssertException).ShouldBe(1, "the short-gap candidate fails the headway scenario and passes the progress one");
        var store = DuckDbResultStore.OpenExisting(StorePath);
        var run = store.ListRuns().ShouldHaveSingleItem();
        run.Id.ShouldBe(fixture.Runs.ShouldHaveSingleItem());
        run.Status.ShouldBe(RunStatus.Complete);
        run.Cases.ShouldBe(2);
        run.Failures.ShouldBe(1);
        var recorded = store.GetCases(run.Id);
        recorded.Select(RunJson.Serialize).Order(StringComparer.Ordinal).ShouldBe(cases.Select(c => RunJson.Serialize(runner.Judge(c.Case).Record)).Order(StringComparer.Ordinal));
        // The YAML below puts the expectation on line 9, its text at column 5 (after "  - ").
        recorded.Single(c => c.Outcome == Scenarios.Outcome.Fail).Expectations.Single().Location.ShouldBe(new Scenarios.SourceLocation("behaviors/following_distance/veh-518.yaml", 9, 5));
        store.GetManifest(run.Id).Contents.Select(c => c.Path).ShouldContain("behaviors/progress/veh-518.yaml");
    }

    [Fact]
    public void Verify_BeforeDispose_RunIsRunningAndHoldsTheCasesOfEachFlushedBatch()
    {
        var runner = Runner();
        var cases = _suite.Discover("behaviors/**/*.yaml", Worse);
        var clock = new StepClock();
        using var fixture = new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p), clock);

        Record.Exception(() => runner.Verify(cases[0].Case));
        var afterFirst = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem();
        clock.Advance(SuiteRunner.RecordBatchInterval);
        Record.Exception(() => runner.Verify(cases[1].Case));
        var afterInterval = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem();

        afterFirst.Status.ShouldBe(RunStatus.Running);
        afterFirst.Cases.ShouldBe(0, "one case is less than a batch and came before the batch interval");
        afterInterval.Status.ShouldBe(RunStatus.Running, "a run is running until the fixture is disposed");
        afterInterval.EndedAt.ShouldBeNull();
        afterInterval.Cases.ShouldBe(2, "the batch interval had passed at the second case");
    }

    [Fact]
    public void Dispose_TestRunCancelled_RunIsCancelledNotComplete()
    {
        var runner = Runner();
        var fixture = new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p), cancelled: () => true);

        Record.Exception(() => runner.Verify(_suite.Discover("behaviors/progress/*.yaml", Worse).Single().Case));
        fixture.Dispose();

        var run = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem();
        run.Status.ShouldBe(RunStatus.Cancelled);
        run.Cases.ShouldBe(1);
    }

    [Fact]
    public void Verify_StoreIsNotADatabase_FailsWithTheStoresMessage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "not a database");
        var runner = Runner();
        using var fixture = new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p));

        var error = Record.Exception(() => runner.Verify(_suite.Discover("behaviors/progress/*.yaml", Worse).Single().Case));

        Assert.IsType<ResultStoreException>(error);
        error.Message.ShouldStartWith($"results store '{StorePath}' cannot be read (");
        error.Message.ShouldEndWith("restore it from a backup or an 'aveval export', or move it aside so that a new store is created.");
    }

    [Fact]
    public void Verify_StoreSetWithoutFixture_WarnsThatNothingIsRecorded()
    {
        var runner = Runner();

        runner.Verify(_suite.Discover("behaviors/progress/*.yaml", Worse).Single().Case);

        TestContext.Current.Warnings.ShouldNotBeNull().ShouldContain($"AVEVAL_STORE is '{StorePath}' but this test assembly records nothing; register the run fixture with [assembly: AssemblyFixture(typeof(AvEval.Xunit.RunRecordingFixture))].");
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_SecondFixtureOnOneRunner_Throws()
    {
        var runner = Runner();
        using var first = new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p));

        var error = Record.Exception(() => new RunRecordingFixture(runner, p => DuckDbResultStore.Open(p)));

        Assert.IsType<InvalidOperationException>(error);
        error.Message.ShouldBe("This scenario runner already records into a store; register RunRecordingFixture once per test assembly ([assembly: AssemblyFixture(typeof(RunRecordingFixture))]).");
    }

    public void Dispose() => _suite.Dispose();

    private static string Yaml(string id, string ego, string expectation) => $$"""
        id: {{id}}
        title: Vehicle {{ego}} on US-101
        behavior: following_distance
        severity: blocking
        log: logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet
        ego: '{{ego}}'
        window: { start: 1.0, end: 4.0 }
        expectations:
          - {{expectation}}
        rationale: "run fixture test"
        """;

    /// <summary>A wall clock that moves only when told (the fixture's batching reads it); a test double for time.</summary>
    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
