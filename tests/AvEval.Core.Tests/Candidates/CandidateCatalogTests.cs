using System.Security.Cryptography;
using System.Text;
using AvEval.Candidates;
using AvEval.Errors;

namespace AvEval.Tests.Candidates;

public sealed class CandidateCatalogTests
{
    private static string Catalog => Path.Combine(RepoPaths.Root, "scenarios", "candidates.yaml");

    [Fact]
    public void Load_RepositoryCatalog_EightCandidatesWithStableIds()
    {
        var catalog = CandidateCatalog.Load(Catalog);

        catalog.Candidates.Select(c => c.Id.Value).ShouldBe(["human", "rc-2026.12.1", "rc-2026.12.2-short-gap", "rc-2027.01.1-lane-centre", "rc-2027.02.1-mobil", "rc-2027.02.2-eager-lane-change", "rc-2027.03.1-cautious", "rc-2027.03.2-noisy-gap"]);
        catalog.Candidates.Skip(3).ShouldAllBe(c => c is LaneFollowingCandidate && c.Controls == AvEval.Scenarios.MotionControl.Both);
        catalog.Candidates.OfType<LaneFollowingCandidate>().Where(c => c.IsStochastic).Select(c => c.Id.Value).ShouldBe(["rc-2027.03.2-noisy-gap"]);
        catalog.Candidates.Select(c => c.Fingerprint).Distinct().Count().ShouldBe(8);
        catalog[new CandidateId("human")].ShouldBeOfType<HumanBaselineCandidate>();
        var shortGap = catalog[new CandidateId("rc-2026.12.2-short-gap")].ShouldBeOfType<LogReplayCandidate>();
        shortGap.Configuration.ShouldContain("time_gap_s=0.6 minimum_gap_m=1 ");
    }

    [Fact]
    public void Fingerprint_LogReplay_Sha256OfCanonicalConfiguration()
    {
        // The canonical text written out by hand; hashed here with .NET's SHA-256 directly.
        const string text = "log-replay/1\nplanner: idm/1 desired_speed_mps=33 time_gap_s=1.5 minimum_gap_m=2 max_acceleration_mps2=1.5 comfortable_deceleration_mps2=2 exponent=4\ncorridor_margin_m: 0.3\nlookahead_m: 250\ndecision_period_s: 0.1\nmax_deceleration_mps2: 9\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var candidate = CandidateCatalog.Load(Catalog)[new CandidateId("rc-2026.12.1")];

        candidate.Fingerprint.ShouldBe(expected);
    }

    [Fact]
    public void Fingerprint_LaneFollowing_Sha256OfCanonicalConfiguration()
    {
        // The canonical text of rc-2027.02.1-mobil written out by hand from candidates.yaml (pure-pursuit defaults spelled out).
        const string text = "lane-following/1\nplanner: idm/1 desired_speed_mps=33 time_gap_s=1.5 minimum_gap_m=2 max_acceleration_mps2=1.5 comfortable_deceleration_mps2=2 exponent=4\n"
            + "lateral: pure-pursuit/1 lookahead_time_s=1 minimum_lookahead_m=8 wheelbase_fraction=0.6 max_steering_rad=0.5\n"
            + "lane_change: mobil/1 politeness=0.5 threshold_mps2=0.2 safe_braking_mps2=4 min_interval_s=3\nperception: none\n"
            + "corridor_margin_m: 0.3\nlookahead_m: 250\ndecision_period_s: 0.1\nmax_deceleration_mps2: 9\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var candidate = CandidateCatalog.Load(Catalog)[new CandidateId("rc-2027.02.1-mobil")];

        candidate.Fingerprint.ShouldBe(expected);
    }

    [Fact]
    public void Fingerprint_ShortGap_UnchangedByTheLateralControllerRelease()
    {
        // rc-2026.12.2-short-gap did not opt into lateral control: its canonical text is the log-replay/1 text it always had.
        const string text = "log-replay/1\nplanner: idm/1 desired_speed_mps=33 time_gap_s=0.6 minimum_gap_m=1 max_acceleration_mps2=1.5 comfortable_deceleration_mps2=2 exponent=4\ncorridor_margin_m: 0.3\nlookahead_m: 250\ndecision_period_s: 0.1\nmax_deceleration_mps2: 9\n";

        var candidate = CandidateCatalog.Load(Catalog)[new CandidateId("rc-2026.12.2-short-gap")];

        candidate.ShouldBeOfType<LogReplayCandidate>().Fingerprint.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Load_UnknownLateralField_ListsKnownFields()
    {
        var file = Write(Idm + "    lateral:\n      controller: pure-pursuit\n      look_ahead_s: 1\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:14:7: unknown field 'look_ahead_s'; known fields are controller, lookahead_time_s, minimum_lookahead_m, wheelbase_fraction, max_steering_rad.");
    }

    [Fact]
    public void Load_LaneChangeWithoutLateral_SaysToAddLateral()
    {
        var file = Write(Idm + "    lane_change:\n      model: mobil\n      politeness: 0.5\n      threshold_mps2: 0.2\n      safe_braking_mps2: 4\n      min_interval_s: 3\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:13:7: field 'lane_change' needs lateral control; add 'lateral: {{controller: pure-pursuit}}' to candidate 'rc-x' or remove 'lane_change'.");
    }

    [Fact]
    public void Load_UnknownController_NamesTheOneThereIs()
    {
        var file = Write(Idm + "    lateral:\n      controller: stanley\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:13:19: field 'controller' is 'stanley', but the only lateral controller in this build is 'pure-pursuit'.");
    }

    [Fact]
    public void Load_NegativePoliteness_Error()
    {
        var file = Write(Idm + "    lateral: { controller: pure-pursuit }\n    lane_change:\n      model: mobil\n      politeness: -0.1\n      threshold_mps2: 0.2\n      safe_braking_mps2: 4\n      min_interval_s: 3\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe($"{file}:15:19: field 'politeness' is '-0.1', but it must be zero or positive.");
    }

    private const string Idm = "candidates:\n  - id: rc-x\n    kind: log-replay\n    description: x\n    planner:\n      model: idm\n      desired_speed_mps: 33\n      time_gap_s: 1.5\n      minimum_gap_m: 2\n      max_acceleration_mps2: 1.5\n      comfortable_deceleration_mps2: 2\n";

    [Fact]
    public void Load_UnknownPlannerField_ListsKnownFields()
    {
        var file = Write("candidates:\n  - id: rc-x\n    kind: log-replay\n    description: x\n    planner:\n      model: idm\n      timegap_s: 1\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:7:7: unknown field 'timegap_s'; known fields are model, desired_speed_mps, time_gap_s, minimum_gap_m, max_acceleration_mps2, comfortable_deceleration_mps2.");
    }

    [Fact]
    public void Load_PlannerOnHumanBaseline_Error()
    {
        var file = Write("candidates:\n  - id: human\n    kind: human-baseline\n    description: x\n    planner: { model: idm }\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:5:14: field 'planner' does not apply to a candidate of kind 'human-baseline'; remove it.");
    }

    [Fact]
    public void Load_DuplicateId_Error()
    {
        var file = Write("candidates:\n  - id: human\n    kind: human-baseline\n    description: x\n  - id: human\n    kind: human-baseline\n    description: y\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:5:5: field 'id' is 'human', but another candidate has that id; ids must be unique.");
    }

    [Fact]
    public void Load_NegativeTimeGap_Error()
    {
        var file = Write("candidates:\n  - id: rc-x\n    kind: log-replay\n    description: x\n    planner:\n      model: idm\n      desired_speed_mps: 33\n      time_gap_s: -1\n      minimum_gap_m: 2\n      max_acceleration_mps2: 1.5\n      comfortable_deceleration_mps2: 2\n");

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe($"{file}:8:19: field 'time_gap_s' is '-1', but it must be positive.");
    }

    private static string Write(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aveval-candidates-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
