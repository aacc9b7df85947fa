using AvEval.Suites;
using Shouldly;

namespace AvEval.Xunit.Tests;

public class ScenarioSettingsTests
{
    [Fact]
    public void From_AllVariablesSet_ReadsEach()
    {
        var values = new Dictionary<string, string>
        {
            ["AVEVAL_SCENARIOS"] = "/s", ["AVEVAL_CANDIDATES"] = " rc-1 , human,", ["AVEVAL_BASELINE"] = "human",
            ["AVEVAL_STORE"] = "reports/results.duckdb", ["AVEVAL_DEVICE"] = "CUDA",
        };

        var settings = ScenarioSettings.From(n => values.GetValueOrDefault(n));

        settings.ShouldBe(new ScenarioSettings("/s", settings.Candidates, "human", "reports/results.duckdb", EvaluatorDevice.Cuda));
        settings.Candidates.ShouldBe(["rc-1", "human"]);
    }

    [Fact]
    public void From_NothingSet_Defaults()
    {
        var settings = ScenarioSettings.From(_ => "");

        (settings.ScenariosFolder, settings.Candidates.Count, settings.Baseline, settings.Store, settings.Device).ShouldBe((null, 0, null, null, EvaluatorDevice.Auto));
    }

    [Fact]
    public void From_UnknownDevice_ThrowsNamingTheVariable()
    {
        var error = Record.Exception(() => ScenarioSettings.From(n => n == "AVEVAL_DEVICE" ? "gpu" : null));

        var settings = Assert.IsType<SuiteSettingsException>(error);
        settings.Setting.ShouldBe("AVEVAL_DEVICE");
        error.Message.ShouldBe("AVEVAL_DEVICE is 'gpu', but it must be cpu, cuda or auto; fix it in runsettings.xml, with 'dotnet test -e AVEVAL_DEVICE=...' or in the environment of 'aveval run'.");
    }
}
