using System.Text;
using AvEval.Candidates;
using AvEval.Errors;
using Shouldly;

namespace AvEval.Xunit.Tests.Catalogue;

/// <summary>
/// The malformed-input catalogue for scenario files and candidates.yaml: each case is a real in-repo file with one
/// defect. Scenario YAML is not read by the aveval CLI yet, so each case checks the exception type (a failing test case
/// for scenario files) and that the message names file:line:column and says what to do.
/// </summary>
public sealed class ScenarioInputCatalogueTests
{
    private const string File = "behaviors/following_distance/us101-10-1-veh-518.yaml";

    // The real file: line 2 id, 4 behavior, 5 severity, 6 tags, 7 log, 8 ego, 9 expectations, 10-11 items, 12 rationale.
    private static readonly string Real = System.IO.File.ReadAllText(Path.Combine(ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory), File));

    private static readonly string Log = "logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet";

    /// <summary>Defect name → (the file with that defect, the message's place, what the message must say to do).</summary>
    private static readonly Dictionary<string, (Func<string, string> Defect, string At, string Todo)> ScenarioCases = new()
    {
        ["yaml syntax: unclosed flow list"] = (y => y.Replace("short-headway]", "short-headway", StringComparison.Ordinal), "7:1", "fix the YAML at this place"),
        ["yaml syntax: tab indentation"] = (y => y.Replace("  - thw.gap.min", "\t- thw.gap.min", StringComparison.Ordinal), "10:1", "fix the YAML at this place"),
        ["unknown field"] = (y => y + "owner: me\n", "13:1", "known fields are id, title"),
        ["duplicate field"] = (y => y + "ego: '519'\n", "13:1", "Duplicate key ego; fix the YAML at this place"),
        ["missing ego"] = (y => Without(y, "ego: '518'\n"), "2:1", "required field 'ego' is missing; add it"),
        ["unknown metric"] = (y => y.Replace("thw.gap.min >=", "thw.gapp.min >=", StringComparison.Ordinal), "10:5", "did you mean 'thw.gap.min'?"),
        ["unit mismatch"] = (y => y.Replace("thw.gap.min >= 1 s", "thw.gap.min >= 1 m", StringComparison.Ordinal), "10:5", "write the value in s or ms"),
        ["unknown unit"] = (y => y.Replace("thw.gap.min >= 1 s", "thw.gap.min >= 1 fortnights", StringComparison.Ordinal), "10:", "'fortnights'"),
        ["bad operator"] = (y => y.Replace("thw.gap.min >= 1 s", "thw.gap.min => 1 s", StringComparison.Ordinal), "10:", "expectation 'thw.gap.min => 1 s'"),
        ["non-numeric bound"] = (y => y.Replace("thw.gap.min >= 1 s", "thw.gap.min >= one s", StringComparison.Ordinal), "10:", "expectation 'thw.gap.min >= one s'"),
        ["unknown event kind"] = (y => y.Replace("  - collisions.nuplan.at_fault.count == 0", "  - no event crash", StringComparison.Ordinal), "11:5", "known kinds are"),
        ["unknown learned evaluator"] = (y => y.Replace("  - collisions.nuplan.at_fault.count == 0", "  - evaluator nobody@1 probability < 0.5", StringComparison.Ordinal), "11:5", "nobody"),
        ["expectation is a mapping"] = (y => y.Replace("  - thw.gap.min >= 1 s", "  - { thw: 1 }", StringComparison.Ordinal), "10:5", "must be a non-empty text"),
        ["no expectations"] = (y => y.Replace("expectations:\n  - thw.gap.min >= 1 s\n  - collisions.nuplan.at_fault.count == 0\n", "expectations: []\n", StringComparison.Ordinal), "9:15", "it needs at least one item"),
        ["bad severity"] = (y => y.Replace("severity: blocking", "severity: critical", StringComparison.Ordinal), "5:11", "it must be one of blocking, warning, info"),
        ["bad id characters"] = (y => y.Replace("id: us101-10-1-veh-518", "id: us101/518", StringComparison.Ordinal), "2:5", "an id may hold only letters, digits"),
        ["behaviour not snake_case"] = (y => y.Replace("behavior: following_distance", "behavior: Following-Distance", StringComparison.Ordinal), "4:11", "a behaviour is a snake_case name"),
        ["behaviour folder mismatch"] = (y => y.Replace("behavior: following_distance", "behavior: cut_in_response", StringComparison.Ordinal), "4:11", "move the file to 'behaviors/cut_in_response/' or set behavior to 'following_distance'"),
        ["window end before start"] = (y => y.Replace("ego: '518'\n", "ego: '518'\nwindow: { start: 4.0, end: 1.0 }\n", StringComparison.Ordinal), "9:9", "its end must be later than its start"),
        ["window not finite"] = (y => y.Replace("ego: '518'\n", "ego: '518'\nwindow: { start: .nan, end: 1.0 }\n", StringComparison.Ordinal), "9:18", "a finite number"),
        ["window unknown field"] = (y => y.Replace("ego: '518'\n", "ego: '518'\nwindow: { start: 1, stop: 2 }\n", StringComparison.Ordinal), "9:21", "known fields are start, end"),
        ["log climbs out with .."] = (y => y.Replace(Log, "../../elsewhere/x.scene.parquet", StringComparison.Ordinal), "7:6", "write the path from the scenarios/ folder down"),
        ["absolute log"] = (y => y.Replace(Log, "/etc/passwd", StringComparison.Ordinal), "7:6", "it must be a path relative to the scenarios/ folder"),
        ["backslash log"] = (y => y.Replace(Log, @"logs\ngsim-gpl\USA_US101-10_1_T-1.scene.parquet", StringComparison.Ordinal), "7:6", "with '/' separators"),
        ["missing log"] = (y => y.Replace(Log, "logs/ngsim-gpl/USA_US101-99_1_T-1.scene.parquet", StringComparison.Ordinal), "7:6", "write a path under the scenarios folder"),
        ["log is a symlink out of the suite"] = (y => y.Replace(Log, "logs/escape.scene.parquet", StringComparison.Ordinal), "7:6", "copy the data into the suite instead of linking to it"),
        ["two YAML documents"] = (y => y + "---\nid: second\n", "14:1", "keep one a scenario per file"),
        ["empty file"] = (_ => "", "1:1", "needs the fields id, title"),
        ["root is a list"] = (y => "- " + y.Split('\n')[1] + "\n", "1:1", "must be a mapping of fields"),
        ["alias bomb"] = (y => y.Replace("tags: [ngsim, freeway, short-headway]", "tags: &t [ngsim]\nx: [*t, *t, *t]", StringComparison.Ordinal), "6:7", "write the value out in full"),
        ["deep nesting"] = (y => y.Replace("tags: [ngsim, freeway, short-headway]", "tags: " + new string('[', 5000) + new string(']', 5000), StringComparison.Ordinal), "6:", "flatten the structure"),
        ["huge list"] = (y => y.Replace("tags: [ngsim, freeway, short-headway]", "tags: [" + string.Join(", ", Enumerable.Repeat("t", 10_001)) + "]", StringComparison.Ordinal), "6:", "split the file"),
        ["huge value"] = (y => y.Replace("title: Vehicle 518", "title: " + new string('V', 20_000), StringComparison.Ordinal), "3:8", "shorten it"),
        ["huge file"] = (y => y + "# " + new string('x', 1024 * 1024) + "\n", "1:1", "split it or remove what it does not need"),
    };

    public static TheoryData<string> ScenarioDefects => [.. ScenarioCases.Keys];

    [Theory]
    [MemberData(nameof(ScenarioDefects))]
    public void Load_RealScenarioWithOneDefect_ScenarioSpecExceptionAtItsPlaceSayingWhatToDo(string defect)
    {
        var (make, at, todo) = ScenarioCases[defect];
        using var suite = new TempSuite();
        System.IO.File.CreateSymbolicLink(Path.Combine(suite.Folder, "logs", "escape.scene.parquet"), Path.Combine(suite.Repository, Log));
        suite.Write(File, make(Real));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error);
        error.Message.ShouldStartWith($"{File}:{at}", Case.Insensitive, $"{defect}: {error.Message}");
        error.Message.ShouldContain(todo, Case.Sensitive, $"{defect}: {error.Message}");
    }

    [Fact]
    public void Discover_TwoRealScenariosWithOneId_TheSecondIsAFailingCaseAtItsId()
    {
        using var suite = new TempSuite();
        suite.Write(File, Real);
        suite.Write("behaviors/following_distance/copy.yaml", Real);

        var cases = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1");

        var invalid = cases.Single(c => c.Case.Problem is not null);
        invalid.Case.Problem!.ShouldStartWith($"{File}:2:5: id 'us101-10-1-veh-518' of behaviour 'following_distance' is already used by 'behaviors/following_distance/copy.yaml'; give each scenario its own id.");
    }

    [Fact]
    public void Verify_RealScenarioWithUnknownEgo_FailsAtTheEgoField()
    {
        using var suite = new TempSuite();
        suite.Write(File, Real.Replace("ego: '518'", "ego: '999999'", StringComparison.Ordinal));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        Assert.IsType<ShouldAssertException>(error).InnerException.ShouldBeOfType<ScenarioSpecException>();
        error.Message.ShouldStartWith($"{File}:8:6: field 'ego' is '999999', but log '{Log}' has no such track; vehicle tracks include ");
    }

    [Fact]
    public void Verify_RealScenarioWithWindowOutsideTheLog_FailsAtTheWindowField()
    {
        using var suite = new TempSuite();
        suite.Write(File, Real.Replace("ego: '518'\n", "ego: '518'\nwindow: { start: 5000, end: 5010 }\n", StringComparison.Ordinal));
        var found = suite.Discover("behaviors/**/*.yaml", "rc-2026.12.1").ShouldHaveSingleItem();

        var error = Record.Exception(() => new ScenarioRunner().Verify(found.Case));

        Assert.IsType<ShouldAssertException>(error).InnerException.ShouldBeOfType<CandidateException>();
        error.Message.ShouldBe($"{File}:9:9: the window '5000..5010' s holds no frame of log scene 'USA_US101-10_1_T-1'; move the window onto the log's time span.");
    }

    /// <summary>candidates.yaml defects: defect → (the repository file with it, the message's line:column, what to do).</summary>
    private static readonly Dictionary<string, (Func<string, string> Defect, string At, string Todo)> CatalogCases = new()
    {
        ["unknown kind"] = (y => y.Replace("kind: human-baseline", "kind: robot", StringComparison.Ordinal), "6:11", "it must be one of human-baseline, log-replay, recorded-drives"),
        ["duplicate candidate id"] = (y => y.Replace("id: rc-2026.12.2-short-gap", "id: rc-2026.12.1", StringComparison.Ordinal), "20:5", "ids must be unique"),
        ["negative IDM time gap"] = (y => y.Replace("time_gap_s: 1.5", "time_gap_s: -1.5", StringComparison.Ordinal), "15:19", "it must be positive"),
        ["IDM parameter not a number"] = (y => y.Replace("time_gap_s: 1.5", "time_gap_s: fast", StringComparison.Ordinal), "15:19", "a finite number"),
        ["IDM parameter infinite"] = (y => y.Replace("desired_speed_mps: 33\n      time_gap_s: 1.5", "desired_speed_mps: .inf\n      time_gap_s: 1.5", StringComparison.Ordinal), "14:26", "a finite number"),
        ["unknown planner model"] = (y => y.Replace("model: idm\n      desired_speed_mps: 33\n      time_gap_s: 1.5", "model: mpc\n      desired_speed_mps: 33\n      time_gap_s: 1.5", StringComparison.Ordinal), "13:14", "the only planner model in this build is 'idm'"),
        ["unknown planner field"] = (y => y.Replace("time_gap_s: 1.5", "timegap_s: 1.5", StringComparison.Ordinal), "15:7", "known fields are model, desired_speed_mps"),
        ["planner on the human baseline"] = (y => y.Replace("description: The recorded driver", "planner: { model: idm }\n    description: The recorded driver", StringComparison.Ordinal), "7:14", "remove it"),
        ["missing planner"] = (y => Without(y, "    planner:\n      model: idm\n      desired_speed_mps: 33\n      time_gap_s: 0.6\n      minimum_gap_m: 1\n      max_acceleration_mps2: 1.5\n      comfortable_deceleration_mps2: 2.0\n"), "20:5", "required field 'planner' is missing"),
        ["bad candidate id"] = (y => y.Replace("id: human", "id: Human Baseline", StringComparison.Ordinal), "5:9", "a candidate id may hold only lower-case letters"),
        ["recorded drives folder climbs out"] = (y => y.Replace("candidates:\n", "candidates:\n  - id: stack-x\n    kind: recorded-drives\n    description: x\n    folder: ../drives\n    extension: .scene.parquet\n", StringComparison.Ordinal), "8:13", "write the path from the scenarios/ folder down"),
        ["candidates not a list"] = (_ => "candidates: human\n", "1:13", "must be a list of candidates"),
        ["alias bomb"] = (y => y.Replace("  - id: human", "  - id: &h human", StringComparison.Ordinal), "5:9", "write the value out in full"),
    };

    public static TheoryData<string> CatalogDefects => [.. CatalogCases.Keys];

    [Theory]
    [MemberData(nameof(CatalogDefects))]
    public void Load_RealCandidatesYamlWithOneDefect_ScenarioSpecExceptionAtItsPlaceSayingWhatToDo(string defect)
    {
        var (make, at, todo) = CatalogCases[defect];
        using var suite = new TempSuite();
        var file = Path.Combine(suite.Folder, "candidates.yaml");
        System.IO.File.WriteAllText(file, make(System.IO.File.ReadAllText(file)));

        var error = Record.Exception(() => CandidateCatalog.Load(file));

        Assert.IsType<ScenarioSpecException>(error);
        error.Message.ShouldStartWith($"{file}:{at}: ", Case.Sensitive, $"{defect}: {error.Message}");
        error.Message.ShouldContain(todo, Case.Sensitive, $"{defect}: {error.Message}");
    }

    private static string Without(string yaml, string part)
    {
        yaml.ShouldContain(part);
        return yaml.Replace(part, "", StringComparison.Ordinal);
    }
}
