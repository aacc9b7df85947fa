using System.Text.Json;
using System.Text.RegularExpressions;
using AvEval.Scenarios;

namespace AvEval.Tests.Scenarios;

/// <summary>The schema's pattern for 'log' lets editors flag what the loader refuses by the text alone.</summary>
public sealed class ScenarioSchemaLogPatternTests
{
    [Theory]
    [InlineData("logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet")]
    [InlineData("logs/a..b/x.parquet")]
    [InlineData("../x.parquet")]
    [InlineData("logs/../x.parquet")]
    [InlineData("logs/..")]
    [InlineData("/etc/passwd")]
    [InlineData(@"logs\x.parquet")]
    [InlineData("C:x.parquet")]
    public void LogPattern_Reference_AcceptsExactlyWhatTheLoaderAccepts(string reference)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "schema", "scenario.schema.json")));
        var pattern = schema.RootElement.GetProperty("properties").GetProperty("log").GetProperty("pattern").GetString()!;

        var schemaAccepts = Regex.IsMatch(reference, pattern, RegexOptions.ECMAScript);

        schemaAccepts.ShouldBe(SuitePath.LexicalProblem(reference) is null);
    }
}
