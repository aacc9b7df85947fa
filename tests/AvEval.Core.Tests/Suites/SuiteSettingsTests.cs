using AvEval.Suites;

namespace AvEval.Tests.Suites;

public class SuiteSettingsTests
{
    [Fact]
    public void From_AllVariablesSet_ReadsEachOnce()
    {
        var values = new Dictionary<string, string>
        {
            ["AVEVAL_SCENARIOS"] = "/s", ["AVEVAL_CANDIDATES"] = " rc-1 , human,", ["AVEVAL_BASELINE"] = "human",
            ["AVEVAL_STORE"] = "reports/aveval.duckdb", ["AVEVAL_DEVICE"] = "Cuda", ["AVEVAL_SEED"] = "42",
        };

        var settings = SuiteSettings.From(n => values.GetValueOrDefault(n));

        (settings.ScenariosFolder, settings.Baseline, settings.Store, settings.Device, settings.Seed).ShouldBe(("/s", "human", "reports/aveval.duckdb", EvaluatorDevice.Cuda, 42));
        settings.Candidates.ShouldBe(["rc-1", "human"]);
        settings.ToVariables().ShouldBe(new Dictionary<string, string>
        {
            ["AVEVAL_BASELINE"] = "human", ["AVEVAL_CANDIDATES"] = "rc-1,human", ["AVEVAL_DEVICE"] = "cuda",
            ["AVEVAL_SCENARIOS"] = "/s", ["AVEVAL_SEED"] = "42", ["AVEVAL_STORE"] = "reports/aveval.duckdb",
        });
    }

    [Fact]
    public void From_NothingSet_Defaults()
    {
        var settings = SuiteSettings.From(_ => " ");

        settings.ShouldBe(SuiteSettings.Default with { Candidates = settings.Candidates });
        settings.Candidates.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, EvaluatorDevice.Auto)]
    [InlineData("", EvaluatorDevice.Auto)]
    [InlineData("AUTO", EvaluatorDevice.Auto)]
    [InlineData("CPU", EvaluatorDevice.Cpu)]
    [InlineData(" cuda ", EvaluatorDevice.Cuda)]
    public void ParseDevice_KnownValues_Device(string? value, EvaluatorDevice expected)
    {
        var device = SuiteSettings.ParseDevice(value, SuiteSettings.DeviceVariable);

        device.ShouldBe(expected);
    }

    [Theory]
    [InlineData("AVEVAL_DEVICE", "gpu", "cpu, cuda or auto")]
    [InlineData("AVEVAL_DEVICE", "tpu", "cpu, cuda or auto")]
    [InlineData("AVEVAL_SEED", "-1", "a whole number from 0 to 2147483647")]
    [InlineData("AVEVAL_SEED", "seven", "a whole number from 0 to 2147483647")]
    public void From_BadValue_ThrowsNamingTheVariableAndTheAllowedValues(string variable, string value, string allowed)
    {
        var error = Record.Exception(() => SuiteSettings.From(n => n == variable ? value : null));

        var settings = Assert.IsType<SuiteSettingsException>(error);
        settings.Setting.ShouldBe(variable);
        error.Message.ShouldBe($"{variable} is '{value}', but it must be {allowed}; fix it in runsettings.xml, with 'dotnet test -e {variable}=...' or in the environment of 'aveval run'.");
    }
}
