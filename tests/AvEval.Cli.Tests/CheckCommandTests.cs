using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary>
/// <c>aveval check</c> through the command line: the shipped suite is valid (exit 0); a temporary copy of it with one
/// defect of each kind in separate files gives every error, each at its <c>file:line:column</c>, and exit 2.
/// </summary>
public sealed class CheckCommandTests
{
    private const string Following = "scenarios/behaviors/following_distance/lanker-1-1-veh-1221.yaml";

    /// <summary>Lines 1-9 of <see cref="Following"/> with another id; expectations follow from line 10 on.</summary>
    private static string Head(string id, string behavior = "following_distance", string log = "logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet", string ego = "'1221'") => $"""
        # a defect fixture
        id: {id}
        title: Vehicle 1221 keeps its headway
        behavior: {behavior}
        severity: blocking
        tags: [ngsim]
        log: {log}
        ego: {ego}
        expectations:

        """;

    private const string Tail = "rationale: a test fixture\n";

    [Fact]
    public void Check_ShippedSuite_ExitCode0AndOneSummaryLine()
    {
        var run = CliRun.Of("check", "--suite", Path.Combine(RepoPaths.Root, "scenarios"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        run.Output.ShouldBe($"308 files checked, no errors (suite '{Path.Combine(RepoPaths.Root, "scenarios")}').{Environment.NewLine}");
    }

    [Fact]
    public void Check_FolderOfTheShippedSuite_FindsTheSuiteAboveIt()
    {
        var run = CliRun.Of("check", Path.Combine(RepoPaths.Root, "scenarios", "behaviors", "hard_braking"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("46 files checked, no errors");
    }

    [Fact]
    public void Check_CopyWithDefects_ExitCode2AndEveryErrorAtFileLineColumn()
    {
        using var repo = new RepositoryCopy();
        string suite = Path.Combine(repo.Root, "scenarios");
        string Write(string relative, string text)
        {
            var path = Path.Combine(suite, relative);
            File.WriteAllText(path, text);
            return path;
        }

        var twoBad = Write("behaviors/following_distance/two-bad.yaml", Head("two-bad") + "  - thw.gaps.min >= 1 s\n  - collisions.nuplan.at_fault.count == 0\n  - thw.gap.min >= 1 m\n" + Tail);
        var syntax = Write("behaviors/following_distance/syntax.yaml", "id: syntax\ntitle: [unclosed\n");
        var ego = Write("behaviors/following_distance/no-ego.yaml", Head("no-ego", ego: "'999999'") + "  - thw.gap.min >= 1 s\n" + Tail);
        var log = Write("behaviors/following_distance/no-log.yaml", Head("no-log", log: "logs/ngsim-bsd/missing.scene.parquet") + "  - thw.gap.min >= 1 s\n" + Tail);
        var folder = Write("behaviors/following_distance/wrong-folder.yaml", Head("wrong-folder", behavior: "cut_in_response") + "  - thw.gap.min >= 1 s\n" + Tail);
        var duplicate = Write("behaviors/following_distance/zz-duplicate.yaml", Head("lanker-1-1-veh-1221") + "  - thw.gap.min >= 1 s\n" + Tail);
        var evaluator = Write("behaviors/following_distance/evaluator.yaml", Head("evaluator") + "  - evaluator lane_keeper@1 probability >= 0.5\n" + Tail);
        var catalog = Path.Combine(suite, "candidates.yaml");
        File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("    description: The recorded driver,", "    colour: blue\n    description: The recorded driver,", StringComparison.Ordinal));

        var run = CliRun.Of("check", "--suite", suite);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        var lines = run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // The files in ordinal order of their paths (behaviors/ before candidates.yaml); every error, not the first one only.
        lines.Length.ShouldBe(10, run.Error);
        lines[0].ShouldStartWith($"error: {evaluator}:10:5: expectation 'evaluator lane_keeper@1 probability >= 0.5': unknown evaluator 'lane_keeper'");
        lines[1].ShouldStartWith($"error: {ego}:8:6: field 'ego' is '999999', but log 'logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet' has no such track; vehicle tracks include ");
        lines[2].ShouldStartWith($"error: {log}:7:6: field 'log' is 'logs/ngsim-bsd/missing.scene.parquet', but '");
        lines[2].ShouldContain("does not exist");
        lines[3].ShouldStartWith($"error: {syntax}:3:1: ");
        lines[3].ShouldContain("YAML syntax error");
        lines[4].ShouldStartWith($"error: {twoBad}:10:5: expectation 'thw.gaps.min >= 1 s': unknown metric 'thw.gaps.min'; did you mean 'thw.gap.min'?");
        lines[5].ShouldStartWith($"error: {twoBad}:12:5: expectation 'thw.gap.min >= 1 m': ");
        lines[6].ShouldStartWith($"error: {folder}:4:11: field 'behavior' is 'cut_in_response', but the file lies in folder 'behaviors/following_distance'; move the file to 'behaviors/cut_in_response/' or set behavior to 'following_distance'.");
        lines[7].ShouldStartWith($"error: {duplicate}:2:5: id 'lanker-1-1-veh-1221' of behaviour 'following_distance' is already used by '{Path.Combine(repo.Root, Following)}'; give each scenario its own id.");
        lines[8].ShouldStartWith($"error: {catalog}:7:5: unknown field 'colour'");
        lines[9].ShouldBe($"error: 9 errors in 8 of 315 files checked (suite '{suite}'); fix them and run 'aveval check' again.");
    }

    [Fact]
    public void Check_OneFile_ChecksOnlyThatFileAgainstItsSuite()
    {
        using var repo = new RepositoryCopy();
        var file = Path.Combine(repo.Root, "scenarios", "behaviors", "following_distance", "bad.yaml");
        File.WriteAllText(file, Head("bad") + "  - thw.gap.min >= 1 s\n  - speeds.mean >= 3 m/s\n" + Tail);

        var run = CliRun.Of("check", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {file}:11:5: expectation 'speeds.mean >= 3 m/s': unknown metric 'speeds.mean'");
        run.Error.ShouldEndWith($"error: 1 error in 1 of 1 file checked (suite '{Path.Combine(repo.Root, "scenarios")}'); fix them and run 'aveval check' again.{Environment.NewLine}");
    }

    [Fact]
    public void Check_JudgeExpectation_AcceptedLikeAnyEvaluator()
    {
        using var repo = new RepositoryCopy();
        var file = Path.Combine(repo.Root, "scenarios", "behaviors", "following_distance", "judged.yaml");
        File.WriteAllText(file, Head("judged") + "  - thw.gap.min >= 1 s\n  - evaluator drive_review_server@1 probability >= 0.5\n" + Tail);

        var run = CliRun.Of("check", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        run.Output.ShouldBe($"1 file checked, no errors (suite '{Path.Combine(repo.Root, "scenarios")}').{Environment.NewLine}");
    }

    [Fact]
    public void Check_UnknownJudgeId_ExitCode2AtFileLineColumnNamingTheJudges()
    {
        using var repo = new RepositoryCopy();
        string suite = Path.Combine(repo.Root, "scenarios");
        var file = Path.Combine(suite, "behaviors", "following_distance", "judged.yaml");
        File.WriteAllText(file, Head("judged") + "  - thw.gap.min >= 1 s\n  - evaluator drive_reveiw_server@1 probability >= 0.5\n" + Tail);

        var run = CliRun.Of("check", file);

        run.ExitCode.ShouldBe(2);
        var lines = run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, run.Error);
        lines[0].ShouldStartWith($"error: {file}:11:5: expectation 'evaluator drive_reveiw_server@1 probability >= 0.5': unknown evaluator 'drive_reveiw_server': ");
        lines[0].ShouldEndWith($", or name a judge of '{Path.Combine(suite, "judges")}' (judges: cut_in_review_server, drive_pairwise_server, drive_review_server, drive_review_tiny).");
    }

    [Fact]
    public void Check_PathThatDoesNotExist_ExitCode2NamingIt()
    {
        var missing = Path.Combine(RepoPaths.Root, "scenarios", "behaviors", "nope.yaml");

        var run = CliRun.Of("check", missing, "--suite", Path.Combine(RepoPaths.Root, "scenarios"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: '{missing}' is neither a file nor a folder; pass scenario files, candidates.yaml or folders of them.{Environment.NewLine}");
    }

    [Fact]
    public void Check_SuiteWithoutCatalog_ExitCode2NamingTheOption()
    {
        using var temp = new TempFolder();

        var run = CliRun.Of("check", "--suite", temp.Path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: option --suite is '{temp.Path}', but '{Path.Combine(temp.Path, "candidates.yaml")}' does not exist; pass the suite folder that holds candidates.yaml (e.g. scenarios).{Environment.NewLine}");
    }
}
