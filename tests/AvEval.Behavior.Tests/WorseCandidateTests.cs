using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>
/// The deliberately worse candidate (IDM with a 0.6 s time gap) run programmatically over the suite: it must fail the
/// following-distance scenarios on time headway, and still pass scenarios its short gap does not touch.
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
    [InlineData("lane_keeping/us101-10-1-veh-561")]
    [InlineData("lane_keeping/lanker-2-1-veh-224")]
    public void Run_ShortGapOnScenarioWithoutFollowing_Passes(string scenario)
    {
        var result = ScenarioRun.Result(scenario, Worse);

        result.Verdict.Outcome.ShouldBe(Outcome.Pass, ScenarioRunner.DescribeFailure(result, scenario));
    }

    [Fact]
    public void Run_ShortGapOverWholeSuite_FailsOnlyWhereItsGapMatters()
    {
        var folder = ScenarioSuite.FindFolder(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory);
        var suite = ScenarioSuite.Open(folder);
        var worse = suite.SelectCandidates([Worse])[0];
        var cases = new ScenariosAttribute("behaviors/following_distance/*.yaml").Discover(() => ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = [Worse] }, folder);

        var failed = cases.Select(c => ScenarioRunner.Shared.Run(suite, c.Case.File, worse)).Where(r => r.Verdict.Outcome != Outcome.Pass).Select(r => r.Spec.DisplayName).ToList();

        worse.ShouldBeOfType<LogReplayCandidate>();
        failed.Count.ShouldBeGreaterThanOrEqualTo(8);
    }
}
