using System.Text.Json;
using AvEval.Errors;
using AvEval.Statistics;
using AvEval.Tracking.Comparison;

namespace AvEval.Tracking.Tests.Comparison;

public sealed class GatePolicyLoaderTests
{
    private const string Valid = """
        significance_level: 0.05
        correction: bh
        flaky_threshold: 0.25
        blocking:
          - behavior: following_distance
            margin: 0.05
        """;

    private static Exception? Parse(string text) => Record.Exception(() => GatePolicyLoader.Parse("gate.yaml", text));

    [Fact]
    public void Load_ShippedPolicy_ReadsEveryField()
    {
        var policy = GatePolicyLoader.Load(Path.Combine(RecordedRuns.Scenarios, "gate.yaml"));

        policy.SignificanceLevel.ShouldBe(0.05);
        policy.Correction.ShouldBe(MultipleTestingCorrection.Holm);
        policy.FlakyThreshold.ShouldBe(0.2);
        policy.Blocking.Select(b => b.Behavior).ShouldBe(["following_distance", "collision_near_miss", "cut_in_response", "hard_braking"]);
        policy.Blocking[0].Margin.ShouldBe(0.05);
    }

    [Fact]
    public void Load_ShippedPolicy_NamesOnlyBehavioursOfTheSuite()
    {
        var policy = GatePolicyLoader.Load(Path.Combine(RecordedRuns.Scenarios, "gate.yaml"));

        policy.Blocking.ShouldAllBe(b => Directory.Exists(Path.Combine(RecordedRuns.Scenarios, "behaviors", b.Behavior)));
    }

    [Fact]
    public void Parse_Valid_ReadsBh()
    {
        var policy = GatePolicyLoader.Parse("gate.yaml", Valid);

        policy.Correction.ShouldBe(MultipleTestingCorrection.BenjaminiHochberg);
        policy.Blocking.ShouldBe([new BlockingBehavior("following_distance", 0.05)]);
    }

    [Fact]
    public void Parse_WithoutCoverage_HasNoCoverageMinimum()
    {
        GatePolicyLoader.Parse("gate.yaml", Valid).Coverage.ShouldBeNull();
    }

    [Fact]
    public void Parse_Coverage_ReadsTheMinimumAndItsLists()
    {
        var policy = GatePolicyLoader.Parse("gate.yaml", Valid + "\ncoverage:\n  minimum: 2\n  behaviors: [following_distance]\n  road_types: [freeway]\n  densities: [light, dense]\n");

        var coverage = policy.Coverage.ShouldNotBeNull();
        coverage.Minimum.ShouldBe(2);
        coverage.Behaviors.ShouldBe(["following_distance"]);
        coverage.RoadTypes.ShouldBe(["freeway"]);
        coverage.SpeedBands.ShouldBeEmpty();
        coverage.Densities.ShouldBe(["light", "dense"]);
    }

    [Fact]
    public void Parse_CoverageSampleOfDocsReports_ReadsAsThePageSays()
    {
        string doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RecordedRuns.Scenarios)!, "docs", "reports.md")).ReplaceLineEndings("\n");
        int start = doc.IndexOf("```yaml\n  coverage:", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/reports.md has no coverage sample");
        string block = doc[(start + "```yaml\n".Length)..doc.IndexOf("```", start + 7, StringComparison.Ordinal)];
        string sample = string.Join("\n", block.Split('\n').Select(l => l.Length >= 2 ? l[2..] : l));

        var coverage = GatePolicyLoader.Parse("reports.md", Valid + "\n" + sample).Coverage.ShouldNotBeNull();

        coverage.Minimum.ShouldBe(2);
        coverage.Behaviors.ShouldBe(["following_distance"]);
        coverage.RoadTypes.ShouldBe(["freeway", "arterial"]);
        coverage.SpeedBands.ShouldBe(["medium"]);
    }

    [Fact]
    public void Parse_CoverageUnknownRoadType_IsAnErrorListingTheKnownOnes()
    {
        var error = Parse(Valid + "\ncoverage:\n  minimum: 1\n  road_types: [motorway]\n");

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:9:16: field 'road_types' is 'motorway', but it must be one of freeway, arterial, intersection.");
    }

    [Fact]
    public void Parse_CoverageMinimumZero_IsAnError()
    {
        var error = Parse(Valid + "\ncoverage:\n  minimum: 0\n");

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:8:12: field 'minimum' is '0', but it must be a whole number of scenarios per cell, at least 1.");
    }

    [Fact]
    public void Parse_UnknownField_IsAnErrorAtItsLineAndColumn()
    {
        var error = Parse(Valid + "\nalpha: 0.1\n");

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:7:1: unknown field 'alpha'; known fields are significance_level, correction, flaky_threshold, blocking, coverage.");
    }

    [Fact]
    public void Parse_UnknownFieldInABlockingBehaviour_IsAnErrorAtItsLineAndColumn()
    {
        var error = Parse(Valid.Replace("    margin: 0.05", "    margin: 0.05\n    severity: high", StringComparison.Ordinal));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:7:5: unknown field 'severity'; known fields are behavior, margin.");
    }

    [Fact]
    public void Parse_UnknownCorrection_ListsTheKnownOnes()
    {
        var error = Parse(Valid.Replace("correction: bh", "correction: bonferroni", StringComparison.Ordinal));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:2:13: field 'correction' is 'bonferroni', but it must be one of holm, bh, none.");
    }

    [Fact]
    public void Parse_SignificanceLevelOfOne_IsOutOfRange()
    {
        var error = Parse(Valid.Replace("significance_level: 0.05", "significance_level: 1", StringComparison.Ordinal));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:1:21: field 'significance_level' is '1', but it must lie in (0, 0.5).");
    }

    [Fact]
    public void Parse_NonNumericMargin_SaysANumberIsNeeded()
    {
        var error = Parse(Valid.Replace("margin: 0.05", "margin: five", StringComparison.Ordinal));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:6:13: field 'margin' must be a finite number, but is 'five'.");
    }

    [Fact]
    public void Parse_MissingFlakyThreshold_IsAMissingFieldError()
    {
        var error = Parse(Valid.Replace("flaky_threshold: 0.25\n", string.Empty, StringComparison.Ordinal));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:1:1: required field 'flaky_threshold' is missing; add it.");
    }

    [Fact]
    public void Parse_BehaviourListedTwice_IsAnError()
    {
        var error = Parse(Valid + "\n  - behavior: following_distance\n    margin: 0\n");

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:7:15: field 'behavior' is 'following_distance', but it is listed twice under 'blocking'; keep one.");
    }

    [Fact]
    public void Parse_EmptyBlockingList_IsAnError()
    {
        var error = Parse("significance_level: 0.05\ncorrection: holm\nflaky_threshold: 0\nblocking: []\n");

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe("gate.yaml:4:11: field 'blocking' is '[]', but it needs at least one behaviour.");
    }

    [Fact]
    public void Parse_AliasBomb_IsStoppedByTheBoundedReader()
    {
        string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        var error = Parse(bomb);

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith("gate.yaml:");
    }

    [Fact]
    public void Schema_Properties_SameAsLoaderFields()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RecordedRuns.Scenarios, "schema", "gate.schema.json")));
        var root = schema.RootElement;
        var item = root.GetProperty("properties").GetProperty("blocking").GetProperty("items");

        root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(GatePolicyLoader.KnownFields);
        root.GetProperty("required").EnumerateArray().Select(p => p.GetString()).ShouldBe(GatePolicyLoader.KnownFields.Where(f => f != "coverage"));
        var coverage = root.GetProperty("properties").GetProperty("coverage");
        coverage.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(GatePolicyLoader.CoverageFields);
        coverage.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        coverage.GetProperty("properties").GetProperty("road_types").GetProperty("items").GetProperty("enum").EnumerateArray().Select(p => p.GetString()).ShouldBe(AvEval.Coverage.ScenarioTaxonomy.RoadTypes);
        coverage.GetProperty("properties").GetProperty("speed_bands").GetProperty("items").GetProperty("enum").EnumerateArray().Select(p => p.GetString()).ShouldBe(AvEval.Coverage.ScenarioTaxonomy.SpeedBands);
        coverage.GetProperty("properties").GetProperty("densities").GetProperty("items").GetProperty("enum").EnumerateArray().Select(p => p.GetString()).ShouldBe(AvEval.Coverage.ScenarioTaxonomy.Densities);
        root.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        item.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(GatePolicyLoader.BlockingFields);
        item.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        root.GetProperty("properties").GetProperty("correction").GetProperty("enum").EnumerateArray().Select(p => p.GetString()).ShouldBe(GatePolicyLoader.Corrections);
    }

    [Fact]
    public void ShippedPolicy_FirstLine_ReferencesTheSchema()
    {
        File.ReadLines(Path.Combine(RecordedRuns.Scenarios, "gate.yaml")).First().ShouldBe("# yaml-language-server: $schema=schema/gate.schema.json");
    }
}
