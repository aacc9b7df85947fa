using AvEval.Judges;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>
/// <c>dotnet test</c> and <c>aveval run</c> give the same verdicts, messages and metrics on the whole shipped suite for the
/// default candidates. The xunit path is what <see cref="BehaviorSuiteTests"/> runs: <see cref="ScenariosAttribute"/>'s
/// rows, each judged by a <see cref="ScenarioRunner"/> (the mapping <see cref="ScenarioRunner.Verify"/> applies). The
/// command-line path is what <c>RunCommand.Execute</c> runs: a fresh <see cref="Suite"/> over a fresh
/// <see cref="SuiteEvaluators"/> catalog (the judges around the learned models), <see cref="Suite.Discover"/> and <see cref="SuiteRunner.Run"/>. Both run in this
/// process on separate objects (no shared cache), and their case records are compared as RunJson text.
/// </summary>
public class RunnerEquivalenceTests
{
    [Fact]
    public void WholeSuite_XunitPathAndRunPath_GiveIdenticalCaseRecords()
    {
        var folder = Path.Combine(RepoPaths.Root, "scenarios");
        var settings = SuiteSettings.Default with { ScenariosFolder = folder, Device = EvaluatorDevice.Cpu };
        var xunitRunner = new ScenarioRunner();
        var rows = new ScenariosAttribute(Suite.AllScenarios).Discover(() => ScenarioSettings.Of(settings), folder);
        var viaXunit = rows.Select(r => xunitRunner.Judge(r.Case)).ToList();

        using var evaluators = SuiteEvaluators.Open(folder, settings.Device, TextWriter.Null);
        var suite = new Suite(folder, evaluators);
        var run = new SuiteRunner(suite).Run(suite.Discover(Suite.AllScenarios, suite.SelectCandidates(settings.Candidates)), settings, cancellation: TestContext.Current.CancellationToken);

        run.Status.ShouldBe(RunStatus.Complete);
        run.Cases.Count.ShouldBeGreaterThan(40, "the shipped suite has more than 40 cases for the default candidate");
        run.Cases.Select(c => c.Case.DisplayName).ShouldBe(viaXunit.Select(c => c.Case.DisplayName));
        run.Cases.ShouldContain(c => c.Record.LearnedOutputs.Count > 0, "the suite pins learned evaluators; their outputs must be compared too");
        for (int i = 0; i < viaXunit.Count; i++)
        {
            RunJson.Serialize(run.Cases[i].Record).ShouldBe(RunJson.Serialize(viaXunit[i].Record), $"case '{viaXunit[i].Case.DisplayName}' differs between dotnet test and aveval run");
            run.Cases[i].Kind.ShouldBe(viaXunit[i].Kind);
            run.Cases[i].Warnings.ShouldBe(viaXunit[i].Warnings);
        }
    }
}
