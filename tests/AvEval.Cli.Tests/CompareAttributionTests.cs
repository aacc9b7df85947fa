using System.Text.Json;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Cli.Tests;

/// <summary>
/// Attribution (issue 10 part 3) end to end on real parts: runs recorded by the real <c>aveval run</c> into a real DuckDB
/// store, a second evaluator version written by the real <c>aveval calibrate</c> and certified by <c>aveval golden
/// certify</c>, drives regenerated from the manifests, and the ONNX model registry. Expected values come from the
/// recorded runs (the verdicts the store holds, not the attribution code) and from arithmetic by hand.
/// </summary>
public sealed class CompareAttributionTests : IDisposable
{
    private const string Learned = "behaviors/hard_braking/lanker-2-1-veh-220-learned.yaml";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf("aveval.duckdb");

    private static void Record(string store, string suite, string filter, string candidate)
    {
        var run = CliRun.With(path => DuckDbResultStore.Open(path), "run", "--suite", suite, "--filter", filter, "--candidate", candidate, "--store", store);
        run.Error.ShouldNotContain("error:");
    }

    private static readonly Func<RunManifest, IEvaluatorCatalog> Registry = manifest => RegistryEvaluatorCatalog.Open(manifest.SuiteRoot, EvaluatorDevice.Cpu);

    /// <summary>
    /// Copy B of the suite with a second evaluator set: hard_braking_detector 1.1.0 (temperature-calibrated from 1.0.0 by
    /// <c>aveval calibrate</c>, certified) pinned by the learned scenario, whose rule option is tightened from
    /// <c>accel.lon.smoothed.min &gt;= -1 m/s^2</c> to <c>&gt;= 1.5 m/s^2</c>.
    /// </summary>
    private static void MakeSecondEvaluatorSet(RepositoryCopy b)
    {
        var calibrate = CliRun.Of("calibrate", "hard_braking_detector@1.0.0", "--golden", "hard_braking", "--method", "temperature", "--version", "1.1.0", "--root", b.Root);
        calibrate.ExitCode.ShouldBe(0, calibrate.Error);
        var certify = CliRun.Of("golden", "certify", "hard_braking_detector@1.1.0", "--golden", "hard_braking", "--root", b.Root);
        certify.ExitCode.ShouldBe(0, certify.Error);
        string file = Path.Combine(b.Root, "scenarios", Learned);
        string text = File.ReadAllText(file);
        text.ShouldContain("evaluator hard_braking_detector@1 probability < 0.5");
        text.ShouldContain("accel.lon.smoothed.min >= -1 m/s^2");
        File.WriteAllText(file, text
            .Replace("evaluator hard_braking_detector@1 probability < 0.5", "evaluator hard_braking_detector@1.1.0 probability < 0.5", StringComparison.Ordinal)
            .Replace("accel.lon.smoothed.min >= -1 m/s^2", "accel.lon.smoothed.min >= 1.5 m/s^2", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_SameCandidateSecondEvaluatorSet_TheChangeIsTheEvaluators()
    {
        using var a = new RepositoryCopy().WithoutMinedScenarios();
        using var b = new RepositoryCopy().WithoutMinedScenarios();
        MakeSecondEvaluatorSet(b);
        Record(StorePath, Path.Combine(a.Root, "scenarios"), "behaviors/hard_braking/*.yaml", "rc-2026.12.1");
        Record(StorePath, Path.Combine(b.Root, "scenarios"), "behaviors/hard_braking/*.yaml", "rc-2026.12.1");
        var store = DuckDbResultStore.OpenExisting(StorePath);
        var runs = store.ListRuns().OrderBy(r => r.StartedAt).Select(r => r.Id.Value).ToList();
        var before = store.GetCases(new RunId(runs[0]));
        var after = store.GetCases(new RunId(runs[1]));
        // What the recorded runs say, independently of the attribution: 7 of 9 pass with E_b (2 pass with warnings, which
        // is not a pass verdict); with E_c the learned scenario also fails (its recorded accel.lon.smoothed.min,
        // 1.264 m/s^2, is below the new 1.5), and it is the only scenario whose verdict changed.
        before.Count(c => c.Outcome == Scenarios.Outcome.Pass).ShouldBe(7);
        after.Count(c => c.Outcome == Scenarios.Outcome.Pass).ShouldBe(6);
        before.Where(c => c.Outcome != after.Single(x => x.Scenario == c.Scenario).Outcome).Select(c => c.ScenarioFile).ShouldBe([Learned]);

        var run = CliRun.Of("compare", "--baseline", runs[0], "--candidate", runs[1], "--store", StorePath, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var attribution = json.RootElement.GetProperty("attribution");
        attribution.GetProperty("status").GetString().ShouldBe("attributed");
        var differences = attribution.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToList();
        differences.ShouldContain(d => d.StartsWith("evaluator hard_braking_detector: 1.0.0 (sha256 ", StringComparison.Ordinal) && d.Contains(") -> 1.1.0 (sha256 ", StringComparison.Ordinal));
        differences.ShouldContain(d => d.StartsWith($"scenario {Learned}: sha256 ", StringComparison.Ordinal));
        var behaviour = attribution.GetProperty("behaviours").EnumerateArray().Single();
        behaviour.GetProperty("behaviour").GetString().ShouldBe("hard_braking");
        behaviour.GetProperty("pairs").GetInt32().ShouldBe(9);
        behaviour.GetProperty("passes_baseline_drives_baseline_evaluators").GetInt32().ShouldBe(7);
        behaviour.GetProperty("passes_candidate_drives_baseline_evaluators").GetInt32().ShouldBe(7);
        behaviour.GetProperty("passes_baseline_drives_candidate_evaluators").GetInt32().ShouldBe(6);
        behaviour.GetProperty("passes_candidate_drives_candidate_evaluators").GetInt32().ShouldBe(6);
        // The comparison's own table agrees: 9 pairs, none flaky (a flip across evaluator sets is not flakiness).
        var table = json.RootElement.GetProperty("behaviours").EnumerateArray().Single();
        table.GetProperty("flaky").GetInt32().ShouldBe(0);
        table.GetProperty("pass_to_fail").GetInt32().ShouldBe(1);
        // By hand: total 6/9 − 7/9 = −1/9; the same drives on both sides, so the driving effect is 0 in both orders.
        behaviour.GetProperty("total").GetDouble().ShouldBe(-1.0 / 9, 1e-15);
        behaviour.GetProperty("evaluator").GetDouble().ShouldBe(-1.0 / 9, 1e-15);
        behaviour.GetProperty("driving").GetDouble().ShouldBe(0);
        behaviour.GetProperty("driving_at_baseline_evaluators").GetDouble().ShouldBe(0);
        behaviour.GetProperty("driving_at_candidate_evaluators").GetDouble().ShouldBe(0);
        behaviour.GetProperty("interaction").GetDouble().ShouldBe(0);
        foreach (var s in attribution.GetProperty("scenarios").EnumerateArray())
        {
            s.GetProperty("excluded").ValueKind.ShouldBe(JsonValueKind.Null, s.GetProperty("scenario").GetString());
            // One candidate, one fingerprint, regenerated in two suite folders: the same drive, bit for bit.
            s.GetProperty("baseline_drive_sha256").GetString().ShouldBe(s.GetProperty("candidate_drive_sha256").GetString());
        }
    }

    [Fact]
    public void Compare_SecondEvaluatorSet_TableShowsTheSplit()
    {
        using var a = new RepositoryCopy().WithoutMinedScenarios();
        using var b = new RepositoryCopy().WithoutMinedScenarios();
        MakeSecondEvaluatorSet(b);
        Record(StorePath, Path.Combine(a.Root, "scenarios"), $"{Learned}", "rc-2026.12.1");
        Record(StorePath, Path.Combine(b.Root, "scenarios"), $"{Learned}", "rc-2026.12.1");
        var runs = DuckDbResultStore.OpenExisting(StorePath).ListRuns().OrderBy(r => r.StartedAt).Select(r => r.Id.Value).ToList();

        var run = CliRun.Of("compare", "--baseline", runs[0], "--candidate", runs[1], "--store", StorePath);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n');
        // 1 pair: 1/1 → 0/1 is −100 pp, all of it the evaluators'.
        int at = Array.IndexOf(lines, "attribution: driving or evaluators?");
        at.ShouldBeGreaterThan(0);
        lines.Skip(at).First(l => l.StartsWith("hard_braking ", StringComparison.Ordinal)).ShouldMatch(@"^hard_braking\s+1\s+-100\.0 pp\s+0\.0 pp\s+-100\.0 pp\s+0\.0 pp\s+-100\.0 pp\s+-100\.0 pp\s+0\.0 pp\s+0\.0 pp$");
    }

    [Fact]
    public void Compare_EvaluatorVersionMissing_AttributionSkippedWithTheFolder()
    {
        using var a = new RepositoryCopy().WithoutMinedScenarios();
        using var b = new RepositoryCopy().WithoutMinedScenarios();
        MakeSecondEvaluatorSet(b);
        Record(StorePath, Path.Combine(a.Root, "scenarios"), Learned, "rc-2026.12.1");
        Record(StorePath, Path.Combine(b.Root, "scenarios"), Learned, "rc-2026.12.1");
        var runs = DuckDbResultStore.OpenExisting(StorePath).ListRuns().OrderBy(r => r.StartedAt).Select(r => r.Id.Value).ToList();
        string missing = Path.Combine(b.Root, "scenarios", "models", "hard_braking_detector", "1.1.0");
        Directory.Delete(missing, recursive: true);

        var run = CliRun.Of("compare", "--baseline", runs[0], "--candidate", runs[1], "--store", StorePath, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var attribution = json.RootElement.GetProperty("attribution");
        attribution.GetProperty("status").GetString().ShouldBe("skipped");
        attribution.GetProperty("reason").GetString().ShouldBe($"the candidate run '{runs[1]}' used evaluator 'hard_braking_detector' version '1.1.0', but '{missing}' does not exist, so its evaluators cannot be resolved");
        attribution.GetProperty("behaviours").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Compare_SameEvaluators_NoAttributionObject()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.2-short-gap");

        var run = CliRun.Of("compare", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap", "--store", StorePath, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.TryGetProperty("attribution", out _).ShouldBeFalse();
    }

    [Fact]
    public void Attribute_DrivingChangeSameEvaluators_AllOfTheChangeIsTheDriving()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.2-short-gap");
        var store = DuckDbResultStore.OpenExisting(StorePath);
        var comparison = new RunComparer(store).Compare(new RunSelector("rc-2026.12.1"), new RunSelector("rc-2026.12.2-short-gap"), new ComparisonOptions(Resamples: 10));

        var attribution = new AttributionScorer(store, Registry).Attribute(comparison, evenIfSameEvaluators: true)!;

        attribution.Status.ShouldBe(AttributionStatus.Attributed);
        attribution.Differences.ShouldBeEmpty();
        var b = attribution.Behaviors.Single();
        b.Behavior.ShouldBe("following_distance");
        b.Pairs.ShouldBe(10);
        // The recorded comparison (CompareCommandTests): 10 of 10 pass for rc-2026.12.1, 2 of 10 for the short-gap release.
        (b.BaselineDrivesBaselineEvaluators, b.CandidateDrivesBaselineEvaluators, b.BaselineDrivesCandidateEvaluators, b.CandidateDrivesCandidateEvaluators).ShouldBe((10, 2, 10, 2));
        b.Total.ShouldBe(-0.8, 1e-15);
        b.Driving.ShouldBe(-0.8, 1e-15);
        b.Evaluator.ShouldBe(0);
        b.EvaluatorAtBaselineDrives.ShouldBe(0);
        b.EvaluatorAtCandidateDrives.ShouldBe(0);
    }

    /// <summary>
    /// The drives are not stored; this proves they are regenerated from the manifest. For every case of two recorded runs
    /// (20 cases: following distance for two candidates, one of them the worse release), the attribution regenerates each
    /// drive twice, in two independent runners over the suite folder the manifest names (whose files it first checks
    /// against the manifest's SHA-256), and excludes a scenario whose two regenerations hash differently
    /// (<see cref="AttributionDriveHash"/>: every state double bit for bit) or whose regenerated verdict or any metric value
    /// differs bit for bit from the recorded one. None is excluded, and a third regeneration here hashes the same.
    /// What it does not prove: that the regenerated drive's bytes equal the drive of the original process, which the
    /// store does not hash (CaseRecord has no drive hash); the recorded metrics, all equal bit for bit, are the evidence.
    /// </summary>
    [Fact]
    public void Attribute_RecordedRuns_EveryDriveRegeneratesBitExactly()
    {
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.1");
        CompareCommandTests.RecordRun(StorePath, "rc-2026.12.2-short-gap");
        var store = DuckDbResultStore.OpenExisting(StorePath);
        var comparison = new RunComparer(store).Compare(new RunSelector("rc-2026.12.1"), new RunSelector("rc-2026.12.2-short-gap"), new ComparisonOptions(Resamples: 10));

        var attribution = new AttributionScorer(store, Registry).Attribute(comparison, evenIfSameEvaluators: true)!;

        attribution.Scenarios.Count.ShouldBe(10);
        attribution.Scenarios.Where(s => s.Excluded is not null).Select(s => $"{s.Scenario}: {s.Excluded}").ShouldBeEmpty();
        var manifest = store.GetManifest(comparison.Candidate.Run);
        using var catalog = RegistryEvaluatorCatalog.Open(manifest.SuiteRoot, EvaluatorDevice.Cpu);
        var suite = new Suite(manifest.SuiteRoot, catalog);
        var runner = new SuiteRunner(suite);
        var candidate = suite.SelectCandidates(["rc-2026.12.2-short-gap"])[0];
        foreach (var record in comparison.Candidate.Cases)
        {
            var third = AttributionDriveHash.Of(runner.Evaluate(record.ScenarioFile, candidate).Drive);
            third.ShouldBe(attribution.Scenarios.Single(s => s.Scenario == record.Scenario).CandidateDriveSha256, record.Scenario);
        }
    }
}
