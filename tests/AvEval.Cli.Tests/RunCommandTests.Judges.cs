using System.Text.Json;
using System.Text.Json.Nodes;
using AvEval.Cli.Commands;
using AvEval.Judges;
using AvEval.Judges.Caching;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Xunit;

namespace AvEval.Cli.Tests;

public sealed partial class RunCommandTests
{
    /// <summary>
    /// <c>aveval run</c> on scenarios that pin a judge (<see cref="JudgedSuite"/>: the real stories260K model on LLamaSharp,
    /// machinery only, its verdicts mean nothing), against the xunit path replaying the run's judge cache.
    /// </summary>
    public sealed class JudgedScenarios
    {
        [Fact]
        public void Execute_ScenarioPinningTheRealTinyJudge_SameCaseRecordAsTheXunitPath()
        {
            using var suite = new JudgedSuite();
            var variables = new Dictionary<string, string> { ["AVEVAL_DEVICE"] = "cpu", [SuiteEvaluators.CacheVariable] = suite.CacheFile };

            var (code, output, error) = Execute(new RunSettings([], suite.Folder, JudgedSuite.InfoScenario, null, OutputFormat.Json), variables);
            var runner = new ScenarioRunner(new JudgeCatalogFactory(suite.CacheFile, JudgeCacheMode.ReplayOnly));
            var row = new ScenariosAttribute(JudgedSuite.InfoScenario).Discover(() => ScenarioSettings.Of(SuiteSettings.Default with { ScenariosFolder = suite.Folder, Device = EvaluatorDevice.Cpu }), suite.Folder).ShouldHaveSingleItem();
            var viaXunit = runner.Judge(row.Case);

            // An info scenario with an uncertified judge passes with a warning: exit 0.
            code.ShouldBe(ExitCodes.Success, error);
            using var doc = JsonDocument.Parse(output);
            var only = doc.RootElement.GetProperty("cases").EnumerateArray().ShouldHaveSingleItem();
            var learned = only.GetProperty("learned_outputs").EnumerateArray().ShouldHaveSingleItem();
            learned.GetProperty("evaluator").GetString().ShouldBe("drive_review_tiny");
            learned.GetProperty("sha256").GetString().ShouldBe(suite.CardSha256);
            JsonNode.DeepEquals(JsonNode.Parse(only.GetRawText()), JsonNode.Parse(RunJson.Serialize(viaXunit.Record))).ShouldBeTrue($"aveval run: {only.GetRawText()}\nxunit: {RunJson.Serialize(viaXunit.Record)}");
        }
    }
}
