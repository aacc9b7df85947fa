using System.Text.Json;
using AvEval.Runs;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary><c>aveval compare</c> end to end: runs recorded by <c>aveval run</c> into a real DuckDB store, then compared.</summary>
public sealed class CompareCommandTests : IDisposable
{
    /// <summary>
    /// The shipped suite's hand-written scenarios (a copy without the mined ones, kept for the test process): the expected
    /// counts below were worked out over its ten following-distance scenarios.
    /// </summary>
    private static readonly Lazy<string> HandWritten = new(() => Path.Combine(new RepositoryCopy().WithoutMinedScenarios().Root, "scenarios"), LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Scenarios => HandWritten.Value;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf("aveval.duckdb");

    /// <summary>Records the following-distance scenarios of <paramref name="candidate"/> with the real <c>aveval run</c>.</summary>
    internal static void RecordRun(string store, string candidate)
    {
        var run = CliRun.With(path => DuckDbResultStore.Open(path), "run", "--suite", Scenarios, "--filter", "behaviors/following_distance/*.yaml", "--candidate", candidate, "--store", store);
        run.Error.ShouldNotContain("error:");
    }

    [Fact]
    public void Compare_Json_IsAComparisonDocumentWithTheNamedFields()
    {
        RecordRun(StorePath, "rc-2026.12.1");
        RecordRun(StorePath, "rc-2026.12.2-short-gap");

        var run = CliRun.Of("compare", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--store", StorePath, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("format").GetString().ShouldBe("aveval.comparison/1");
        var behaviour = root.GetProperty("behaviours").EnumerateArray().Single();
        behaviour.GetProperty("behaviour").GetString().ShouldBe("following_distance");
        behaviour.GetProperty("pairs").GetInt32().ShouldBe(10);
        behaviour.GetProperty("pass_to_fail").GetInt32().ShouldBe(8);
        behaviour.GetProperty("fail_to_pass").GetInt32().ShouldBe(0);
        // 2 · 2⁻⁸ by hand; one behaviour in the family, so Holm and BH equal it.
        behaviour.GetProperty("mcnemar_p").GetDouble().ShouldBe(0.0078125, 1e-15);
        behaviour.GetProperty("p_holm").GetDouble().ShouldBe(0.0078125, 1e-15);
        behaviour.GetProperty("q_bh").GetDouble().ShouldBe(0.0078125, 1e-15);
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        scenarios.Count.ShouldBe(10);
        scenarios.Count(s => s.GetProperty("transition").GetString() == "new_failure").ShouldBe(8);
        scenarios.ShouldContain(s => s.GetProperty("scenario").GetString() == "following_distance/us101-10-1-veh-518" && s.GetProperty("transition").GetString() == "new_failure");
        root.GetProperty("only_in_baseline").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Compare_Table_LeadsWithBothRunsAndListsTheNewFailures()
    {
        RecordRun(StorePath, "rc-2026.12.1");
        RecordRun(StorePath, "rc-2026.12.2-short-gap");

        var run = CliRun.Of("compare", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--store", StorePath);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n');
        lines[0].ShouldMatch(@"^rc-2026\.12\.2-short-gap \(run-\S+\) vs baseline rc-2026\.12\.1 \(run-\S+\): 10 paired scenarios, 0 flaky, 0 only in the baseline, 0 only in the candidate$");
        lines.ShouldContain(l => l.StartsWith("following_distance", StringComparison.Ordinal) && l.Contains("100.0%", StringComparison.Ordinal) && l.Contains("-80.0 pp", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("new_failure", StringComparison.Ordinal) && l.Contains("following_distance/us101-12-1-veh-376", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_Markdown_IsATableWithPipes()
    {
        RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("compare", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--store", StorePath, "--format", "markdown");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("### rc-2026.12.1 (");
        run.Output.ShouldContain("| following_distance | 10 | 100.0% |");
    }

    [Fact]
    public void Compare_IncompleteRun_ExitsTwoSayingItIsNotComplete()
    {
        RecordRun(StorePath, "rc-2026.12.1");
        var store = DuckDbResultStore.Open(StorePath);
        var complete = store.LatestCompleteRun("rc-2026.12.1")!.Value;
        var running = new RunId("run-20991231T000000Z-0000dead");
        store.Begin(store.GetManifest(complete) with { Id = running });

        var run = CliRun.Of("compare", "--baseline", "rc-2026.12.1", "--candidate", running.Value, "--store", StorePath);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: candidate run '{running.Value}' is running, not complete, so it cannot be compared; record a complete run ('aveval run --store ...') and compare that one.");
    }

    [Fact]
    public void Compare_MissingStore_ExitsTwo()
    {
        var run = CliRun.Of("compare", "--baseline", "a", "--candidate", "b", "--store", StorePath);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: results store '{StorePath}' does not exist;");
    }

    [Fact]
    public void Compare_WithoutBaseline_IsAUsageError()
    {
        var run = CliRun.Of("compare", "--candidate", "b");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("see 'aveval compare --help'");
    }
}
