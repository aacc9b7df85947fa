using AvEval.Judges;
using AvEval.Judges.Caching;
using AvEval.Judges.Suites;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tracking;
using AvEval.Xunit;
using Shouldly;

namespace AvEval.Behavior.Tests;

/// <summary>
/// A judge inside suite runs: the run path (<see cref="SuiteRunner"/> over <see cref="SuiteEvaluators"/>, what
/// <c>aveval run</c> opens) and the xunit path (<see cref="ScenarioRunner"/> with <see cref="JudgeCatalogFactory"/>, what
/// this assembly registers with <see cref="ScenarioEvaluatorsAttribute"/>) on <see cref="JudgedSuite"/>, with the real
/// stories260K model on LLamaSharp. Machinery only: the model is not instruction-tuned, so no test reads meaning into its
/// verdict; each checks that the verdict is reached, gated, recorded and replayed the same way on both paths.
/// </summary>
public sealed class JudgedScenarioTests
{
    private static SuiteSettings Settings(JudgedSuite suite) => SuiteSettings.Default with { ScenariosFolder = suite.Folder, Device = EvaluatorDevice.Cpu };

    private static IReadOnlyList<CaseOutcome> ViaXunit(ScenarioRunner runner, JudgedSuite suite, string pattern) =>
        [.. new ScenariosAttribute(pattern).Discover(() => ScenarioSettings.Of(Settings(suite)), suite.Folder).Select(r => runner.Judge(r.Case))];

    [Fact]
    public void RealTinyJudge_RunPathThenXunitReplay_SameVerdictAndRecordedJudgeOutput()
    {
        using var suite = new JudgedSuite();
        string store = Path.Combine(suite.Folder, "runs.duckdb");
        var recorder = DuckDbResultStore.Open(store);
        SuiteRunResult run;
        using (var evaluators = SuiteEvaluators.Open(suite.Folder, EvaluatorDevice.Cpu, TextWriter.Null, suite.CacheFile))
        {
            var core = new Suite(suite.Folder, evaluators);
            run = new SuiteRunner(core).Run(core.Discover(JudgedSuite.InfoScenario, core.SelectCandidates([])), Settings(suite), recorder, cancellation: TestContext.Current.CancellationToken);
        }

        // The xunit path replays the run's cache only: a response missing from it would leave the judge without a value.
        var runner = new ScenarioRunner(new JudgeCatalogFactory(suite.CacheFile, JudgeCacheMode.ReplayOnly));
        var viaXunit = ViaXunit(runner, suite, JudgedSuite.InfoScenario);

        var record = run.Cases.ShouldHaveSingleItem().Record;
        RunJson.Serialize(viaXunit.ShouldHaveSingleItem().Record).ShouldBe(RunJson.Serialize(record));
        viaXunit[0].Kind.ShouldBe(run.Cases[0].Kind);
        ((JudgeEvaluatorCatalog)runner.SuiteOf(suite.Folder).Evaluators).Session.CacheHits.ShouldBe(1, "one sample, answered from the run's cache");
        // The grammar makes the tiny model's answer parse, so the judge expectation is conclusive (its value means nothing).
        record.Expectations[1].Text.ShouldBe(JudgedSuite.Expectation);
        record.Expectations[1].Outcome.ShouldBe(Outcome.Pass);
        var output = record.LearnedOutputs.ShouldHaveSingleItem();
        (output.Evaluator, output.Version, output.Sha256, output.Output).ShouldBe(("drive_review_tiny", "1.0.0", suite.CardSha256, "probability"));
        output.Value.ShouldBeOneOf(0.0, 1.0);
        var judge = new EvaluatorRecord("drive_review_tiny", "1.0.0", suite.CardSha256, "cpu");
        run.Manifest.Evaluators.ShouldBe([judge]);
        var stored = DuckDbResultStore.OpenExisting(store);
        stored.GetCases(run.Manifest.Id).ShouldHaveSingleItem().LearnedOutputs.ShouldBe([output]);
        stored.GetManifest(run.Manifest.Id).Evaluators.ShouldBe([judge]);
    }

    [Fact]
    public void UncertifiedJudge_BlockingScenario_FailsOnBothPathsWithTheGatesMessage()
    {
        using var suite = new JudgedSuite();
        using var evaluators = SuiteEvaluators.Open(suite.Folder, EvaluatorDevice.Cpu, TextWriter.Null, suite.CacheFile, JudgeCacheMode.ReplayOnly);
        var core = new Suite(suite.Folder, evaluators);
        var runner = new ScenarioRunner(new JudgeCatalogFactory(suite.CacheFile, JudgeCacheMode.ReplayOnly));
        var row = new ScenariosAttribute(JudgedSuite.BlockingScenario).Discover(() => ScenarioSettings.Of(Settings(suite)), suite.Folder).ShouldHaveSingleItem();

        var viaRun = new SuiteRunner(core).Judge(core.Discover(JudgedSuite.BlockingScenario, core.SelectCandidates([])).ShouldHaveSingleItem());
        var viaXunit = Record.Exception(() => runner.Verify(row.Case));

        string expected = $"following_distance/judged-blocking @ rc-2026.12.1: uncertified evaluator (blocking, {JudgedSuite.BlockingScenario}): '{JudgedSuite.Expectation}' ({JudgedSuite.BlockingScenario}:11:5): judge 'drive_review_tiny@1.0.0' has no certification for behaviour 'following_distance' in its card '{suite.CardPath}': the gate does not trust an unchecked judge; run `aveval golden certify drive_review_tiny@1.0.0 --golden <set>` with a golden set for 'following_distance', or use it in an info scenario.";
        viaRun.Kind.ShouldBe(CaseOutcomeKind.Failure);
        viaRun.Failure.ShouldBe(expected);
        Assert.IsType<ShouldAssertException>(viaXunit).Message.ShouldBe(expected);
    }

    [Fact]
    public void JudgeWithoutAnswer_InfoScenario_InconclusiveAndNeverAPass()
    {
        using var suite = new JudgedSuite();
        // Replay-only over an empty cache: the judge is never asked, as when a model answers badly or not at all.
        var runner = new ScenarioRunner(new JudgeCatalogFactory(suite.CacheFile, JudgeCacheMode.ReplayOnly));

        var outcome = ViaXunit(runner, suite, JudgedSuite.InfoScenario).ShouldHaveSingleItem();

        outcome.Kind.ShouldBe(CaseOutcomeKind.Warning);
        outcome.Result!.Verdict.Outcome.ShouldBe(Outcome.Inconclusive);
        var judged = outcome.Record.Expectations[1];
        judged.Outcome.ShouldBe(Outcome.Inconclusive);
        judged.Message.ShouldStartWith("evaluator.drive_review_tiny@1.probability has no value (");
        outcome.Record.LearnedOutputs.ShouldBeEmpty();
    }

    [Fact]
    public void AssemblyAttribute_ShippedSuite_OpensTheJudgesAroundTheLearnedModels()
    {
        var suite = new ScenarioRunner().SuiteOf(Path.Combine(RepoPaths.Root, "scenarios"));

        var catalog = suite.Evaluators.ShouldBeOfType<JudgeEvaluatorCatalog>();
        catalog.Problem("drive_review_server", "1", "probability").ShouldBeNull();
        catalog.Problem("hard_braking_detector", "1", "probability").ShouldBeNull();
        suite.Models.Evaluators.ShouldContain("hard_braking_detector");
    }
}
