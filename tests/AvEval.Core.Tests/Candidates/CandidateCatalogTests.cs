using System.Security.Cryptography;
using System.Text;
using AvEval.Candidates;
using AvEval.Errors;

namespace AvEval.Tests.Candidates;

public sealed class CandidateCatalogTests
{
    private static string Catalog => Path.Combine(RepoPaths.Root, "scenarios", "candidates.yaml");

    [Fact]
    public void Load_RepositoryCatalog_ThreeCandidatesWithStableIds()
    {
        var catalog = CandidateCatalog.Load(Catalog);

        catalog.Candidates.Select(c => c.Id.Value).ShouldBe(["human", "rc-2026.12.1", "rc-2026.12.2-short-gap"]);
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
