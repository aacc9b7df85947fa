using AvEval.Scenarios;
using Shouldly;
using Xunit.Sdk;

namespace AvEval.Xunit.Tests;

public partial class ScenariosAttributeTests
{
    // Lines are numbered: the tests assert file:line:column.
    internal static string Yaml(string expectation = "thw.gap.min >= 1.0 s", string log = "logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet", string ego = "'518'", string extra = "") =>
        "# yaml-language-server: $schema=../../schema/scenario.schema.json\n" + // 1
        "id: us101-10-veh-518\n" +                                              // 2
        "title: Vehicle 518 keeps its distance\n" +                              // 3
        "behavior: following_distance\n" +                                       // 4
        "severity: blocking\n" +                                                 // 5
        "tags: [ngsim, freeway]\n" +                                             // 6
        $"log: {log}\n" +                                                        // 7
        $"ego: {ego}\n" +                                                        // 8
        "expectations:\n" +                                                      // 9
        $"  - {expectation}\n" +                                                 // 10
        "rationale: short_headway event of the recorded driver.\n" +            // 11
        extra;

    [Fact]
    public void Discover_ValidScenarioTwoCandidates_OneNamedCasePerCandidateWithTraits()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/a.yaml", Yaml());

        var cases = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1", "human");

        cases.Select(c => c.Case.DisplayName).ShouldBe(["following_distance/us101-10-veh-518 @ rc-2026.12.1", "following_distance/us101-10-veh-518 @ human"]);
        cases[0].Case.Problem.ShouldBeNull();
        cases[0].Traits.ShouldBe(
        [
            new("Behavior", "following_distance"), new("Severity", "blocking"), new("Subject", "candidate"), new("Candidate", "rc-2026.12.1"),
            new("Tag", "ngsim"), new("Tag", "freeway"),
        ]);
    }

    [Fact]
    public void Discover_BadFilesBesideValidOne_EachBadFileIsOneFailingCaseAndTheValidOneStillRuns()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/a.yaml", Yaml());
        suite.Write("behaviors/following_distance/syntax.yaml", Yaml(expectation: "[thw.gap.min >= 1.0 s"));
        suite.Write("behaviors/following_distance/field.yaml", Yaml(extra: "owner: me\n"));
        suite.Write("behaviors/following_distance/metric.yaml", Yaml(expectation: "thw.gapp.min >= 1.0 s"));
        suite.Write("behaviors/following_distance/unit.yaml", Yaml(expectation: "thw.gap.min >= 1.0 m"));
        suite.Write("behaviors/following_distance/log.yaml", Yaml(log: "logs/nowhere.scene.parquet"));

        var cases = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ToDictionary(c => c.Case.File.Split('/')[^1]);

        cases.Count.ShouldBe(6);
        cases["a.yaml"].Case.Problem.ShouldBeNull();
        cases["syntax.yaml"].Case.DisplayName.ShouldBe("behaviors/following_distance/syntax.yaml (invalid)");
        cases["syntax.yaml"].Case.Problem!.ShouldStartWith("behaviors/following_distance/syntax.yaml:11:1: YAML syntax error:");
        cases["field.yaml"].Case.Problem.ShouldBe("behaviors/following_distance/field.yaml:12:1: unknown field 'owner'; known fields are id, title, behavior, severity, tags, log, ego, window, expectations, rationale.");
        cases["metric.yaml"].Case.Problem!.ShouldStartWith("behaviors/following_distance/metric.yaml:10:5: expectation 'thw.gapp.min >= 1.0 s': unknown metric 'thw.gapp.min'; did you mean 'thw.gap.min'?");
        cases["unit.yaml"].Case.Problem.ShouldBe("behaviors/following_distance/unit.yaml:10:5: expectation 'thw.gap.min >= 1.0 m': unit 'm' (length) does not fit metric 'thw.gap.min' in 's' (time); write the value in s or ms.");
        cases["log.yaml"].Case.Problem!.ShouldStartWith("behaviors/following_distance/log.yaml:7:6: field 'log' is 'logs/nowhere.scene.parquet', but '");
        cases["log.yaml"].Traits.ShouldContain(new KeyValuePair<string, string>("Behavior", "following_distance"));
        cases["log.yaml"].Traits.ShouldContain(new KeyValuePair<string, string>("Candidate", "rc-2026.12.1"));
    }

    [Fact]
    public void Verify_EgoAbsentFromLog_FailsWithTheFieldLocationAndKnownTracks()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/ego.yaml", Yaml(ego: "'999999'"));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith("behaviors/following_distance/ego.yaml:8:6: field 'ego' is '999999', but log 'logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet' has no such track; vehicle tracks include ");
    }

    [Fact]
    public void Verify_InvalidCase_FailsWithItsProblem()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/field.yaml", Yaml(extra: "owner: me\n"));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldBe(found.Case.Problem);
    }

    [Fact]
    public void Discover_UnknownCandidate_OneFailingCaseNamingTheKnownOnes()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/a.yaml", Yaml());

        var found = suite.Discover("behaviors/**/*.yaml", "rc-1999").ShouldHaveSingleItem();

        found.Case.Problem!.ShouldStartWith("AVEVAL_CANDIDATES names candidate 'rc-1999', which ");
        found.Case.Problem.ShouldEndWith("does not define; known candidates are human, rc-2026.12.1, rc-2026.12.2-short-gap, rc-2027.01.1-lane-centre, rc-2027.02.1-mobil, rc-2027.02.2-eager-lane-change, rc-2027.03.1-cautious, rc-2027.03.2-noisy-gap.");
    }

    [Fact]
    public void Discover_PatternMatchingNothing_OneFailingCase()
    {
        using var suite = new TempSuite();

        var found = suite.Discover("behaviors/cut_in/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        found.Case.Problem!.ShouldStartWith("the pattern 'behaviors/cut_in/*.yaml' matches no file under ");
    }

    [Fact]
    public void Discover_DuplicateIdInBehaviour_SecondFileFails()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/a.yaml", Yaml());
        suite.Write("behaviors/following_distance/b.yaml", Yaml());

        var cases = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1");

        cases.Count.ShouldBe(2);
        cases[1].Case.Problem.ShouldBe("behaviors/following_distance/b.yaml:2:5: id 'us101-10-veh-518' of behaviour 'following_distance' is already used by 'behaviors/following_distance/a.yaml'; give each scenario its own id.");
    }

    [Fact]
    public void ScenarioCase_SerializedAndBack_KeepsEveryField()
    {
        var original = new ScenarioCase("/s", "behaviors/x/a.yaml", "human", "x/a @ human", "a problem");

        var copy = SerializationHelper.Instance.Deserialize(SerializationHelper.Instance.Serialize(original)).ShouldBeOfType<ScenarioCase>();

        (copy.ScenariosFolder, copy.File, copy.Candidate, copy.DisplayName, copy.Problem, copy.ToString())
            .ShouldBe(("/s", "behaviors/x/a.yaml", "human", "x/a @ human", "a problem", "x/a @ human"));
    }

    [Fact]
    public void Verify_WarningScenarioFails_PassesWithoutThrowing()
    {
        using var suite = new TempSuite();
        suite.Write("behaviors/following_distance/w.yaml", Yaml(expectation: "thw.gap.min >= 100 s").Replace("severity: blocking", "severity: warning", StringComparison.Ordinal));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var result = new ScenarioRunner().Verify(found.Case);

        result.Verdict.Outcome.ShouldBe(Outcome.Fail);
        result.Verdict.BlocksRelease.ShouldBeFalse();
    }
}
