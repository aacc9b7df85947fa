using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary>
/// <c>aveval run --baseline</c>: the release question in one command. The baseline and the candidate are run into one
/// recorded run, compared and gated; the decision comes first. The expected decision is the one <see cref="GateCommandTests"/>
/// works out by hand over the hand-written following-distance scenarios (8 new failures, no fix, Holm p = 0.0078).
/// </summary>
public sealed class RunBaselineTests : IDisposable
{
    private static readonly Lazy<string> HandWritten = new(() => Path.Combine(new RepositoryCopy().WithoutMinedScenarios().Root, "scenarios"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf("aveval.duckdb");

    private string Policy => _folder.Write("gate.yaml", """
        significance_level: 0.05
        correction: holm
        flaky_threshold: 0.2
        blocking:
          - behavior: following_distance
            margin: 0.05
        """);

    private CliRun Run(params string[] args) =>
        CliRun.With(path => DuckDbResultStore.Open(path), ["run", "--suite", HandWritten.Value, "--filter", "behaviors/following_distance/*.yaml", "--store", StorePath, .. args]);

    [Fact]
    public void Run_BaselineAndWorseCandidate_DecisionFirstExitOneAndOneRunOfBothRecorded()
    {
        string summary = _folder.PathOf("summary.md");

        var run = Run("--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--policy", Policy, "--summary", summary);

        run.ExitCode.ShouldBe(1, run.Error);
        var lines = run.Output.Split('\n');
        lines[0].ShouldBe("FAIL: rc-2026.12.2-short-gap vs rc-2026.12.1: following_distance regressed");
        lines[1].ShouldStartWith("  following_distance: regressed: 8 new failure(s) vs 0 fix(es), holm p = 0.0078 < 0.05, ");
        File.ReadAllText(summary).ShouldStartWith("## AvEval gate: FAIL: ");
        var stored = DuckDbResultStore.OpenExisting(StorePath).ListRuns().ShouldHaveSingleItem();
        stored.Status.ShouldBe(Runs.RunStatus.Complete);
        run.Output.ShouldContain($"run {stored.Id} (rc-2026.12.1, rc-2026.12.2-short-gap): complete, ");
        run.Output.ShouldContain($"aveval compare --baseline {stored.Id}@rc-2026.12.1 --candidate {stored.Id}@rc-2026.12.2-short-gap");
        string page = Path.Combine(Path.GetDirectoryName(StorePath)!, "report", "index.html");
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe($"report:  {page}", "the report is written last, beside the store, and its path printed");
        File.ReadAllText(page).ShouldContain(stored.Id.Value, customMessage: "the page reports this run's two sides");
    }

    [Fact]
    public void Run_ReferenceAgainstWorse_PassesAndExitsZero()
    {
        string folder = _folder.PathOf("review");

        var run = Run("--baseline", "rc-2026.12.2-short-gap", "--candidate", "rc-2026.12.1", "--policy", Policy, "--report", folder);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("PASS: rc-2026.12.1 vs rc-2026.12.2-short-gap: no blocking behaviour regressed");
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe($"report:  {Path.Combine(folder, "index.html")}");
        File.Exists(Path.Combine(folder, "echarts.min.js")).ShouldBeTrue("the page is self-contained: its chart library is written beside it");
    }

    [Fact]
    public void Run_BaselineIsTheCandidate_ExitsTwoBeforeRunning()
    {
        var run = Run("--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--policy", Policy);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --baseline 'rc-2026.12.1' is also the candidate, so there is nothing to compare; name the candidate under review with --candidate (or AVEVAL_CANDIDATES).");
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void Run_BaselineWithTwoCandidates_ExitsTwo()
    {
        var run = Run("--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap,rc-2027.01.1-lane-centre", "--policy", Policy);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("error: a run with a baseline compares one candidate with it, but --candidate names rc-2026.12.2-short-gap, rc-2027.01.1-lane-centre;");
    }

    [Fact]
    public void Run_BaselineAsJson_ExitsTwo()
    {
        var run = Run("--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--format", "json");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--format json prints one run, but --baseline asks for a release comparison;");
    }
}
