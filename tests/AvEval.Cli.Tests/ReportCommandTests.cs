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
    public void GateRunAndReport_CoverageMinimum_RefuseAndFlagTheSameCells()
    {
        string suite = Path.Combine(_copy.WithoutMinedScenarios().Root, "scenarios");
        string policy = _folder.Write("gate.yaml", "significance_level: 0.05\ncorrection: holm\nflaky_threshold: 0.2\nblocking:\n  - behavior: following_distance\n    margin: 0.05\ncoverage:\n  minimum: 2\n  behaviors: [following_distance]\n  road_types: [freeway, arterial]\n  speed_bands: [medium]\n");
        var release = CliRun.With(path => DuckDbResultStore.Open(path), "run", "--suite", suite, "--filter", "behaviors/following_distance/*.yaml", "--store", StorePath, "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--policy", policy);
        string run = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem().Id.Value;
        string folder = _folder.PathOf("report");

        var gate = CliRun.Of("gate", "--store", StorePath, "--baseline", run + "@rc-2026.12.1", "--candidate", run + "@rc-2026.12.2-short-gap", "--policy", policy, "--resamples", "200");
        var report = CliRun.Of("report", "--store", StorePath, "--policy", policy, "--out", folder);

        gate.ExitCode.ShouldBe(1, gate.Error);
        report.ExitCode.ShouldBe(0, report.Error);
        var gateLines = gate.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("coverage: ", StringComparison.Ordinal)).ToList();
        string html = File.ReadAllText(Path.Combine(folder, "index.html"));
        const string open = "<script type=\"application/json\" id=\"aveval-data\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        using var data = System.Text.Json.JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
        var coverage = data.RootElement.GetProperty("coverage");
        var flagged = coverage.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("underMinimum").GetBoolean()).ToList();
        coverage.GetProperty("shortfalls").EnumerateArray().Select(e => e.GetString()).ShouldBe(gateLines);
        flagged.Count.ShouldBe(gateLines.Count);
        flagged.ShouldNotBeEmpty();
        release.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("coverage: ", StringComparison.Ordinal)).ShouldBe(gateLines, "run --baseline applies the policy's coverage minimum as aveval gate does");
        release.ExitCode.ShouldBe(1, release.Error);
        foreach (var cell in flagged)
        {
            cell.GetProperty("behavior").GetString().ShouldBe("following_distance");
            cell.GetProperty("speedBand").GetString().ShouldBe("medium");
            cell.GetProperty("roadType").GetString().ShouldBeOneOf("freeway", "arterial");
            cell.GetProperty("scenarios").GetArrayLength().ShouldBeLessThan(2);
            gateLines.ShouldContain($"coverage: following_distance × {cell.GetProperty("roadType").GetString()} × medium speed × {cell.GetProperty("density").GetString()} traffic has {cell.GetProperty("scenarios").GetArrayLength()} scenario(s); the policy requires 2");
        }
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
