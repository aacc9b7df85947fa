using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary><c>aveval report</c> end to end on runs recorded by <c>aveval run</c> into a real DuckDB store (the page itself is tested in a browser by AvEval.Reports.Tests).</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RepositoryCopy _copy = new();

    public void Dispose()
    {
        _folder.Dispose();
        _copy.Dispose();
    }

    private string StorePath => _folder.PathOf("aveval.duckdb");

    [Fact]
    public void Report_TwoRecordedCandidates_WritesTheFolderAndPrintsThePagesPath()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.2-short-gap");
        var store = DuckDbResultStore.OpenExisting(StorePath);
        string baseline = store.LatestCompleteRun("rc-2026.12.1")!.Value.Value;
        string candidate = store.LatestCompleteRun("rc-2026.12.2-short-gap")!.Value.Value;
        string folder = _folder.PathOf("report");

        var run = CliRun.Of("report", "--store", StorePath, "--out", folder);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldBe($"report of rc-2026.12.2-short-gap (run {candidate}) vs rc-2026.12.1 (run {baseline}): {Path.Combine(folder, "index.html")}");
        File.ReadAllText(Path.Combine(folder, "index.html")).ShouldContain("\"format\":\"aveval.report/1\"");
        File.Exists(Path.Combine(folder, "echarts.min.js")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "report.js")).ShouldBeTrue();
    }

    [Fact]
    public void Report_AfterRunWithBaseline_TheCandidateAgainstTheBaselineOfThatOneRun()
    {
        string suite = Path.Combine(_copy.WithoutMinedScenarios().Root, "scenarios");
        var recorded = CliRun.With(path => DuckDbResultStore.Open(path), "run", "--suite", suite, "--filter", "behaviors/following_distance/*.yaml", "--store", StorePath, "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--policy", _folder.Write("gate.yaml", "significance_level: 0.05\ncorrection: holm\nflaky_threshold: 0.2\nblocking:\n  - behavior: following_distance\n    margin: 0.05\n"));
        recorded.ExitCode.ShouldBe(1, recorded.Error);
        string run = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem().Id.Value;
        string folder = _folder.PathOf("report");

        var report = CliRun.Of("report", "--store", StorePath, "--out", folder);

        report.ExitCode.ShouldBe(0, report.Error);
        report.Output.Trim().ShouldBe($"report of rc-2026.12.2-short-gap (run {run}) vs rc-2026.12.1 (run {run}): {Path.Combine(folder, "index.html")}");
    }

    [Fact]
    public void Report_UnknownRun_ExitsTwoNamingIt()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("report", "--store", StorePath, "--candidate", "run-20991231T000000Z-0000dead", "--baseline", "rc-2026.12.1", "--out", _folder.PathOf("report"));

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: results store '{StorePath}' has no run 'run-20991231T000000Z-0000dead'; list the runs it holds with 'aveval runs list --store {StorePath}'.");
    }

    [Fact]
    public void Report_OneCandidateOnly_ExitsTwoAskingForABaseline()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("report", "--store", StorePath, "--out", _folder.PathOf("report"));

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: results store '{StorePath}' holds complete runs of candidate 'rc-2026.12.1' only, so there is no baseline to compare it with; record a baseline candidate's run, or name one with --baseline.");
    }

    [Fact]
    public void Report_WithoutOut_IsAUsageError()
    {
        var run = CliRun.Of("report", "--store", StorePath);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("see 'aveval report --help'");
    }
}
