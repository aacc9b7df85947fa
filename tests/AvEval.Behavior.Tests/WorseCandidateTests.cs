using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>
/// The deliberately worse candidate (IDM with a 0.6 s time gap) run programmatically: it fails eight named
/// following-distance scenarios on time headway where the default candidate passes, and passes two progress scenarios.
/// The lane-keeping scenarios are not evidence either way: it only chooses its speed along the recorded path, so it
/// cannot influence lane offset, and discovery turns them into cases that check the log.
/// </summary>
public class WorseCandidateTests
{
    private const string Worse = "rc-2026.12.2-short-gap";
    private const string Default = "rc-2026.12.1";

    [Theory]
    [InlineData("following_distance/lanker-1-3-veh-1584")]
    [InlineData("following_distance/lanker-2-1-veh-227")]
    [InlineData("following_distance/peach-2-1-veh-500")]
    [InlineData("following_distance/us101-10-1-veh-518")]
    [InlineData("following_distance/us101-10-1-veh-546")]
    [InlineData("following_distance/us101-10-1-veh-558")]
    [InlineData("following_distance/us101-10-1-veh-560")]
    [InlineData("following_distance/us101-12-1-veh-376")]
    public void Run_ShortGapOnFollowingScenario_FailsOnHeadwayWhereDefaultPasses(string scenario)
    {
        var worse = ScenarioRun.Result(scenario, Worse);
        var sound = ScenarioRun.Result(scenario, Default);

        worse.Verdict.Outcome.ShouldBe(Outcome.Fail);
        worse.Verdict.BlocksRelease.ShouldBeTrue();
        var headway = worse.Verdict.Expectations.Single(e => e.Expectation.StartsWith("thw.gap.min", StringComparison.Ordinal));
        headway.Outcome.ShouldBe(Outcome.Fail);
        headway.Measured!.Value.ShouldBeLessThan(1.0);
        sound.Verdict.Outcome.ShouldBe(Outcome.Pass);
    }

    [Theory]
    [InlineData("progress/lanker-2-1-veh-210")]
    [InlineData("progress/peach-2-1-veh-334")]
    public void Run_ShortGapOnProgressScenario_Passes(string scenario)
    {
        var result = ScenarioRun.Result(scenario, Worse);

        result.Verdict.Outcome.ShouldBe(Outcome.Pass, ScenarioRunner.DescribeFailure(result, scenario));
    }

    [Fact]
    public void Run_ShortGapOnEveryFollowingDistanceScenario_AtLeastSeventeenOfTwentySevenDoNotPass()
    {
        var folder = ScenarioSuite.FindFolder(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory);
        var suite = ScenarioSuite.Open(folder);
        var worse = suite.SelectCandidates([Worse])[0];
        var cases = new ScenariosAttribute("behaviors/following_distance/*.yaml").Discover(() => ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = [Worse] }, folder);

        var failed = cases.Select(c => ScenarioRunner.Shared.Run(suite, c.Case.File, worse)).Where(r => r.Verdict.Outcome != Outcome.Pass).Select(r => r.Spec.DisplayName).ToList();

        worse.ShouldBeOfType<LogReplayCandidate>();
        cases.Count.ShouldBe(27);
        cases.ShouldAllBe(c => c.Subject == ScenarioSuite.CandidateSubject);
        // 17 blocking failures measured by 'aveval run --candidate rc-2026.12.2-short-gap' on the 307-scenario suite.
        failed.Count.ShouldBeGreaterThanOrEqualTo(17);
    }

    [Fact]
    public void Discover_ShortGapOnLaneKeepingScenarios_CheckTheLogNotTheCandidate()
    {
        var folder = ScenarioSuite.FindFolder(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory);

        var cases = new ScenariosAttribute("behaviors/lane_keeping/*.yaml").Discover(() => ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = [Worse] }, folder);

        cases.Count.ShouldBe(22);
        cases.ShouldAllBe(c => c.Subject == ScenarioSuite.LogSubject && c.Candidates.Count == 0);
        cases[0].Case.ChecksLog!.ShouldContain($"which {Worse} does not control (it controls longitudinal motion)");
    }
}
