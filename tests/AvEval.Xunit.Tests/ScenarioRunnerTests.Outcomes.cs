using System.Text.Json;
using AvEval.Suites;
using Shouldly;

namespace AvEval.Xunit.Tests;

public partial class ScenarioRunnerTests
{
    /// <summary>How Verify maps Core's case outcome onto a test: failure, warnings, the evaluation.json attachment.</summary>
    public sealed class Outcomes
    {
        private const string File = "behaviors/following_distance/veh-518.yaml";

        private static string Yaml(string severity) => $$"""
            id: veh-518
            title: Vehicle 518 keeps its distance
            behavior: following_distance
            severity: {{severity}}
            log: logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet
            ego: '518'
            window: { start: 1.0, end: 4.0 }
            expectations:
              - thw.gap.min >= 1 s
            rationale: "outcome mapping test"
            """;

        [Fact]
        public void Verify_WarningScenarioThatFails_PassesAndAddsCoresWarning()
        {
            using var folder = new TempSuite();
            folder.Write(File, Yaml("warning"));
            var scenario = folder.Discover("behaviors/**/*.yaml", "rc-2026.12.2-short-gap").Single().Case;
            var runner = new ScenarioRunner();
            var expected = runner.Judge(scenario);

            var result = runner.Verify(scenario);

            result.Verdict.Outcome.ShouldBe(Scenarios.Outcome.Fail);
            expected.Kind.ShouldBe(CaseOutcomeKind.Warning);
            TestContext.Current.Warnings.ShouldNotBeNull().ShouldContain(expected.Warnings.ShouldHaveSingleItem());
        }

        [Fact]
        public void Verify_BlockingScenarioThatFails_ThrowsCoresFailureMessage()
        {
            using var folder = new TempSuite();
            folder.Write(File, Yaml("blocking"));
            var scenario = folder.Discover("behaviors/**/*.yaml", "rc-2026.12.2-short-gap").Single().Case;
            var runner = new ScenarioRunner();

            var error = Record.Exception(() => runner.Verify(scenario));

            Assert.IsType<ShouldAssertException>(error);
            error.Message.ShouldBe(runner.Judge(scenario).Failure);
            error.Message.ShouldStartWith("following_distance/veh-518 @ rc-2026.12.2-short-gap: fail (blocking)");
        }

        [Fact]
        public void EvaluationJson_JudgedCase_IsTheCaseRecordUnderTheScenarioResultFormat()
        {
            using var folder = new TempSuite();
            folder.Write(File, Yaml("blocking"));
            var scenario = folder.Discover("behaviors/**/*.yaml", "rc-2026.12.2-short-gap").Single().Case;
            var outcome = new ScenarioRunner().Judge(scenario);

            using var doc = JsonDocument.Parse(ScenarioRunner.EvaluationJson(outcome));

            var root = doc.RootElement;
            root.GetProperty("format").GetString().ShouldBe("aveval.scenario-result/1");
            var record = root.GetProperty("case");
            record.GetProperty("key").GetString().ShouldBe("following_distance/veh-518 @ rc-2026.12.2-short-gap");
            record.GetProperty("severity").GetString().ShouldBe("blocking");
            record.GetProperty("outcome").GetString().ShouldBe("fail");
            record.GetProperty("blocks_release").GetBoolean().ShouldBeTrue();
            record.GetProperty("message").GetString().ShouldBe(outcome.Failure);
            record.GetProperty("candidate_fingerprint").GetString().ShouldBe(outcome.Result!.Candidate.Fingerprint);
            var expectation = record.GetProperty("expectations").EnumerateArray().ShouldHaveSingleItem();
            expectation.GetProperty("text").GetString().ShouldBe("thw.gap.min >= 1 s");
            expectation.GetProperty("measured").GetDouble().ShouldBe(outcome.Result.Evaluation.Metric("thw.gap.min").Value!.Value);
        }
    }
}
