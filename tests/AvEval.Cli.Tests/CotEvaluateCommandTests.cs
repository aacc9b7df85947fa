using System.Text.Json;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary><c>aveval cot evaluate</c> on the repository's suite (read only), with a planner's own traces and with free text.</summary>
public sealed class CotEvaluateCommandTests
{
    private const string Scenario = "cut_in_response/us101-10-1-veh-561";
    private const string Mobil = "rc-2027.02.1-mobil";

    private static string Suite => Path.Combine(RepoPaths.Root, "scenarios");

    private static string Traces(params string[] lines)
    {
        string file = Path.Combine(Path.GetTempPath(), $"aveval-cot-cli-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, lines);
        return file;
    }

    private static string Line(string scenario, string candidate, double t, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["scenario"] = scenario, ["candidate"] = candidate, ["t"] = t, ["text"] = text });

    [Fact]
    public void Evaluate_PlannerCandidateJson_FormatMetricsWithUnitsAndTotalsExit0()
    {
        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--scenario", Scenario, "--suite", Suite, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error + run.Output);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        root.GetProperty("format").GetString().ShouldBe("aveval.cot/1");
        root.GetProperty("candidate").GetString().ShouldBe(Mobil);
        root.GetProperty("source").GetString().ShouldBe("candidate");
        root.GetProperty("mapping").ValueKind.ShouldBe(JsonValueKind.Null);
        var s = root.GetProperty("scenarios").EnumerateArray().ShouldHaveSingleItem();
        s.GetProperty("scenario").GetString().ShouldBe(Scenario);
        s.GetProperty("trace_source").GetString().ShouldBe($"planner {Mobil}");
        int steps = s.GetProperty("steps").GetInt32();
        steps.ShouldBeGreaterThan(0);
        var metrics = s.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        metrics.Keys.ShouldBe(
        [
            "cot.maneuver.checked.count", "cot.maneuver.inconsistent.count", "cot.maneuver.unmapped.count", "cot.maneuver.consistent.fraction",
            "cot.cited.count", "cot.cited.missing.count", "cot.cited.misplaced.count", "cot.cited.distance_error.max",
            "cot.hazard.count", "cot.hazard.missed.count", "cot.hazard.mentioned.fraction",
        ]);
        metrics["cot.cited.distance_error.max"].GetProperty("unit").GetString().ShouldBe("m");
        metrics["cot.maneuver.inconsistent.count"].GetProperty("value").GetDouble().ShouldBe(0);
        metrics["cot.maneuver.inconsistent.count"].GetProperty("definition").GetString()!.ShouldContain("contradicts");
        s.GetProperty("findings").GetArrayLength().ShouldBe(0);
        var totals = root.GetProperty("totals");
        (totals.GetProperty("scenarios").GetInt32(), totals.GetProperty("steps").GetInt32(), totals.GetProperty("faults").GetInt32()).ShouldBe((1, steps, 0));
    }

    [Fact]
    public void Evaluate_PlannerCandidateTable_OneRowAndTotal()
    {
        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--scenario", Scenario, "--suite", Suite);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("candidate  rc-2027.02.1-mobil");
        run.Output.ShouldContain("traces     the candidate's own decision reasons");
        run.Output.ShouldMatch(@"cut_in_response/us101-10-1-veh-561\s+\d+\s+\d+\s+0\s+0\s+\d+\s+0\s+0\s+\d+\s+0");
        run.Output.ShouldContain("total      1 scenarios, ");
    }

    [Fact]
    public void Evaluate_FreeTextContradictingTheDrive_FindingAndMappingsInJsonExit1()
    {
        // The candidate's drive of the scenario slows over [2, 3] s (mean -0.79 m/s^2, as the finding below says); a
        // free-text step claiming to speed up there is contradicted. "Going faster" has no rule keyword: MiniLM maps it.
        string file = Traces(
            Line(Scenario, Mobil, 2.0, "Going faster since the road ahead is empty"),
            Line(Scenario, "someone-else", 2.0, "Braking"));

        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--traces", file, "--suite", Suite, "--format", "json");

        run.ExitCode.ShouldBe(1, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        root.GetProperty("source").GetString().ShouldBe("free_text");
        root.GetProperty("mapping").GetProperty("model").GetString()!.ShouldContain("all-MiniLM-L6-v2");
        var s = root.GetProperty("scenarios").EnumerateArray().ShouldHaveSingleItem();
        s.GetProperty("steps").GetInt32().ShouldBe(1);
        var mapping = s.GetProperty("mappings").EnumerateArray().ShouldHaveSingleItem();
        (mapping.GetProperty("method").GetString(), mapping.GetProperty("maneuver").GetString()).ShouldBe(("minilm", "accelerate/keep-lane"));
        var finding = s.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("kind").GetString().ShouldBe("cot_maneuver_inconsistent");
        finding.GetProperty("summary").GetString()!.ShouldContain("the ego slowed");
        File.Delete(file);
    }

    [Fact]
    public void Evaluate_BadTraceLine_Exit2NamingFileAndLine()
    {
        string file = Traces(Line(Scenario, Mobil, 1.0, "Braking"), "{\"scenario\": \"x\", \"candidate\": \"c\", \"t\": \"soon\", \"text\": \"t\"}");

        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--traces", file, "--suite", Suite);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{file}:2: field 't' is the string 'soon', not a finite number of seconds");
        run.Output.ShouldBeEmpty();
        File.Delete(file);
    }

    [Fact]
    public void Evaluate_TraceLineForUnknownScenario_Exit2NamingFileAndLine()
    {
        string file = Traces(Line(Scenario, Mobil, 1.0, "Braking"), Line("no_such/scenario", Mobil, 1.0, "Braking"));

        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--traces", file, "--suite", Suite);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{file}:2: scenario 'no_such/scenario' cannot be used (no scenario 'no_such/scenario' in suite");
        File.Delete(file);
    }

    [Fact]
    public void Evaluate_TracesOfOtherCandidatesOnly_Exit2NamingThem()
    {
        string file = Traces(Line(Scenario, "vla-x", 1.0, "Braking"));

        var run = CliRun.Of("cot", "evaluate", "--candidate", Mobil, "--traces", file, "--suite", Suite);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{file}: no line is for candidate 'rc-2027.02.1-mobil' (it names 'vla-x')");
        File.Delete(file);
    }

    [Fact]
    public void Evaluate_CandidateWithoutOwnTraces_Exit2SaysPassTraces()
    {
        var run = CliRun.Of("cot", "evaluate", "--candidate", "rc-2026.12.1", "--scenario", Scenario, "--suite", Suite);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("candidate 'rc-2026.12.1' does not emit reasoning traces (the lane-following planner candidates do); pass '--traces <file.jsonl>' with its traces as free text.");
    }
}
