using System.Text.Json;
using AvEval.Scenarios;

namespace AvEval.Tests.Scenarios;

public sealed class ScenarioSchemaTests
{
    private static JsonElement Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "schema", "scenario.schema.json")));
        return document.RootElement.Clone();
    }

    private static string[] Names(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Schema_TopLevelProperties_SameAsLoaderFields()
    {
        var schema = Schema();

        Names(schema, "properties").ShouldBe([.. ScenarioSpecLoader.KnownFields.Order(StringComparer.Ordinal)]);
        Strings(schema, "required").ShouldBe([.. ScenarioSpecLoader.RequiredFields.Order(StringComparer.Ordinal)]);
        schema.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        schema.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public void Schema_WindowProperties_SameAsLoaderFields()
    {
        var window = Schema().GetProperty("properties").GetProperty("window");

        Names(window, "properties").ShouldBe([.. ScenarioSpecLoader.WindowFields.Order(StringComparer.Ordinal)]);
        Strings(window, "required").ShouldBe([.. ScenarioSpecLoader.WindowFields.Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void Schema_SeverityEnum_SameAsSeverityNames()
    {
        var values = Strings(Schema().GetProperty("properties").GetProperty("severity"), "enum");

        values.ShouldBe([.. Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void ScenarioFiles_EveryOne_ReferencesTheSchema()
    {
        var behaviors = Path.Combine(RepoPaths.Root, "scenarios", "behaviors");
        var files = Directory.Exists(behaviors) ? Directory.GetFiles(behaviors, "*.yaml", SearchOption.AllDirectories) : [];

        var missing = files.Where(f => File.ReadLines(f).FirstOrDefault() != "# yaml-language-server: $schema=../../schema/scenario.schema.json").ToList();

        missing.ShouldBeEmpty();
    }
}
