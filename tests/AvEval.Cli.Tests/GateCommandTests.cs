using System.Xml.Linq;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary><c>aveval gate</c> end to end on runs recorded by <c>aveval run</c>, judged by a policy file.</summary>
public sealed class GateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf("aveval.duckdb");

    private string Policy(string blocking = "following_distance") => _folder.Write("gate.yaml", $"""
        significance_level: 0.05
        correction: holm
        flaky_threshold: 0.2
        blocking:
          - behavior: {blocking}
            margin: 0.05
        """);

    [Fact]
    public void Gate_ShortGapAgainstReference_ExitsOneWithTheDecisionFirstAndWritesBothFiles()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.2-short-gap");
        string junit = _folder.PathOf("gate.xml");
        string summary = _folder.PathOf("summary.md");

        var run = CliRun.Of("gate", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--store", StorePath, "--policy", Policy(), "--junit", junit, "--summary", summary);

        run.ExitCode.ShouldBe(1, run.Error);
        var lines = run.Output.Split('\n');
        lines[0].ShouldBe("FAIL: rc-2026.12.2-short-gap vs rc-2026.12.1: following_distance regressed");
        lines[1].ShouldStartWith("  following_distance: regressed: 8 new failure(s) vs 0 fix(es), holm p = 0.0078 < 0.05, ");
        lines[2].ShouldBe("new failures in blocking behaviours:");
        File.ReadAllText(summary).ShouldStartWith("## AvEval gate: FAIL: ");
        var xml = XDocument.Load(junit);
        xml.Descendants("failure").Single().Attribute("type")!.Value.ShouldBe("regression");
    }

    [Fact]
    public void Gate_ReferenceAgainstItself_ExitsZero()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("gate", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--store", StorePath, "--policy", Policy());

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("PASS: rc-2026.12.1 vs rc-2026.12.1: no blocking behaviour regressed");
    }

    [Fact]
    public void Gate_BlockingBehaviourMissingFromTheRuns_ExitsTwo()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("gate", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--store", StorePath, "--policy", Policy("lane_keeping"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("blocks on behaviour 'lane_keeping', but the compared runs hold no paired case of it;");
    }

    [Fact]
    public void Gate_BadPolicy_ExitsTwoAtFileLineColumn()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        string policy = _folder.Write("bad.yaml", "significance_level: 0.05\ncorrection: holm\nflaky_threshold: 0.2\nblocking: []\nextra: 1\n");

        var run = CliRun.Of("gate", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--store", StorePath, "--policy", policy);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {policy}:5:1: unknown field 'extra'; known fields are significance_level, correction, flaky_threshold, blocking, coverage.");
    }

    [Fact]
    public void Gate_ShippedPolicyWithoutItsBehavioursInTheRuns_ExitsTwo()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");

        var run = CliRun.Of("gate", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.1", "--store", StorePath, "--policy", Path.Combine(RepoPaths.Root, "scenarios", "gate.yaml"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("blocks on behaviour 'collision_near_miss'");
    }
}
