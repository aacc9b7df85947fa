using AvEval.Scenarios;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>A scenario whose expectations a candidate cannot influence checks the log, not the candidate, and says so.</summary>
public sealed class ScenarioSuiteControlTests
{
    private const string File = "behaviors/lane_keeping/a.yaml";

    private static string LaneKeeping(string expectations = "  - lane_keeping.navsim.score == 1\n  - lane_offset.navsim.max <= 1 m\n") =>
        "id: lanker-2-1-veh-224\n" +
        "title: Vehicle 224 holds its lane\n" +
        "behavior: lane_keeping\n" +
        "severity: blocking\n" +
        "tags: [ngsim]\n" +
        "log: logs/ngsim-gpl/USA_Lanker-2_1_T-1.scene.parquet\n" +
        "ego: '224'\n" +
        "expectations:\n" +
        expectations +
        "rationale: lane keeping of the recorded driver.\n";

    [Fact]
    public void Discover_LateralOnlyScenarioLogReplayCandidate_OneLogCaseSayingWhy()
    {
        using var suite = new TempSuite();
        suite.Write(File, LaneKeeping());

        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        found.Case.DisplayName.ShouldBe("lane_keeping/lanker-2-1-veh-224 @ log");
        found.Traits.ShouldBe([new("Behavior", "lane_keeping"), new("Severity", "blocking"), new("Subject", "log"), new("Tag", "ngsim")]);
        found.Case.ChecksLog.ShouldBe(
            "lane_keeping/lanker-2-1-veh-224 checks the log, not a candidate: 'lane_keeping.navsim.score == 1', 'lane_offset.navsim.max <= 1 m' depend on lateral motion only, which rc-2026.12.1 does not control (it controls longitudinal motion); this case judges the recorded drive and is not counted as a test of any candidate.");
    }

    [Fact]
    public void Discover_LateralOnlyScenarioHumanAndLogReplay_HumanIsTestedAndOneLogCase()
    {
        using var suite = new TempSuite();
        suite.Write(File, LaneKeeping());

        var names = suite.Discover("behaviors/**/*.yaml", "human", "rc-2026.12.1", "rc-2026.12.2-short-gap").Select(c => c.Case.DisplayName);

        names.ShouldBe(["lane_keeping/lanker-2-1-veh-224 @ human", "lane_keeping/lanker-2-1-veh-224 @ log"]);
    }

    [Fact]
    public void Verify_LogCase_JudgesTheRecordedDrive()
    {
        using var suite = new TempSuite();
        suite.Write(File, LaneKeeping());
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var result = new ScenarioRunner().Verify(found.Case);

        result.Candidate.Id.Value.ShouldBe("log");
        result.Candidate.Controls.ShouldBe(MotionControl.Both);
        result.Verdict.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void Verify_FailingLogCase_MessageStartsWithWhyItChecksTheLog()
    {
        using var suite = new TempSuite();
        suite.Write(File, LaneKeeping("  - lane_offset.navsim.max <= 0.01 m\n"));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith("lane_keeping/lanker-2-1-veh-224 checks the log, not a candidate: 'lane_offset.navsim.max <= 0.01 m' depends on lateral motion only, which rc-2026.12.1 does not control");
        error.Message.ShouldContain("lane_keeping/lanker-2-1-veh-224 @ log: fail (blocking)");
    }

    [Fact]
    public void Verify_MixedScenarioFails_MessageSaysWhichExpectationsCheckTheLog()
    {
        using var suite = new TempSuite();
        suite.Write(File, LaneKeeping("  - collisions.nuplan.at_fault.count == 0\n  - lane_offset.navsim.max <= 0.01 m\n"));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        found.Case.DisplayName.ShouldBe("lane_keeping/lanker-2-1-veh-224 @ rc-2026.12.1");
        found.Case.ChecksLog.ShouldBeNull();
        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldContain("  checks the log, not the candidate: 'lane_offset.navsim.max <= 0.01 m' depends on lateral motion only, which rc-2026.12.1 does not control (it controls longitudinal motion).");
    }

    [Fact]
    public void Discover_RepositoryLaneKeepingScenariosDefaultCandidate_EveryOneChecksTheLog()
    {
        var folder = ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory);
        var attribute = new ScenariosAttribute("behaviors/lane_keeping/*.yaml");

        var cases = attribute.Discover(() => ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = ["rc-2026.12.1"] }, folder);

        cases.Count.ShouldBe(22);
        cases.ShouldAllBe(c => c.Subject == ScenarioSuite.LogSubject && c.Case.DisplayName.EndsWith(" @ log", StringComparison.Ordinal));
    }
}
