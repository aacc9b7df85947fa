using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

namespace AvEval.Tests.Scenarios;

public sealed class ScenarioSpecLoaderTests
{
    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, ScenarioYaml.Valid);

        spec.Id.ShouldBe("us101-22-veh-1234");
        spec.Title.ShouldBe("Ego keeps its distance when vehicle 1234 cuts in");
        spec.Behavior.ShouldBe("cut_in");
        spec.Severity.ShouldBe(Severity.Blocking);
        spec.Tags.ShouldBe(["cut-in", "highway"]);
        spec.Log.ShouldBe("logs/USA_US101-22_1_T-1.parquet");
        spec.Ego.ShouldBe(new TrackId("1234"));
        spec.Window.ShouldBe(new ScenarioWindow(2.0, 10.5));
        spec.Rationale.ShouldBe("Cut-in found by the cut-in analyzer at t=4.2 s.");
        spec.SourceFile.ShouldBe(ScenarioYaml.File);
        spec.DisplayName.ShouldBe("cut_in/us101-22-veh-1234");
        spec.Expectations.Count.ShouldBe(3);
        spec.Expectations[0].ShouldBeOfType<MetricExpectation>().Location.ShouldBe(new SourceLocation(ScenarioYaml.File, 11, 5));
        spec.Expectations[1].ShouldBeOfType<NoEventExpectation>();

        // Quoted: the text starts one column after the quote at column 5.
        spec.Expectations[2].ShouldBeOfType<MetricExpectation>().Location.ShouldBe(new SourceLocation(ScenarioYaml.File, 13, 6));
    }

    [Fact]
    public void Parse_NoWindowNoTags_WholeLogAndNoTags()
    {
        var yaml = ScenarioYaml.WithLine(9, "# no window");
        yaml = yaml.Replace("tags: [cut-in, highway]\n", "", StringComparison.Ordinal);

        var spec = ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml);

        spec.Window.ShouldBeNull();
        spec.Tags.ShouldBeEmpty();
    }

    [Fact]
    public void Load_FileOnDisk_SameAsParse()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aveval-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, ScenarioYaml.Valid);

        try
        {
            var spec = ScenarioSpecLoader.Load(path);

            spec.SourceFile.ShouldBe(path);
            spec.Expectations[0].Text.ShouldBe("ttc.nuplan.min >= 0.95 s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ScenarioSpecException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aveval-{Guid.NewGuid():N}.yaml");

        var error = Record.Exception(() => ScenarioSpecLoader.Load(path));

        var e = Assert.IsType<ScenarioSpecException>(error);
        e.Message.ShouldStartWith($"{path}:1:1: the file cannot be read (");
    }

    [Fact]
    public void Parse_YamlSyntaxError_FileLineColumn()
    {
        // Line 6 opens a flow sequence that is never closed.
        var yaml = ScenarioYaml.WithLine(6, "tags: [cut-in, highway");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        var e = Assert.IsType<ScenarioSpecException>(error);
        // Inside the open '[' the next line's 'log:' is where the YAML stops making sense.
        e.Message.ShouldBe($"{ScenarioYaml.File}:7:1: YAML syntax error: the parser stopped here; an unclosed '[', '{{' or quote above is the likely cause; fix the YAML at this place.");
        (e.Line, e.Column).ShouldBe((7, 1));
    }

    [Fact]
    public void Parse_TabIndentation_SyntaxErrorAtTab()
    {
        var yaml = ScenarioYaml.WithLine(11, "\t- ttc.nuplan.min >= 0.95 s");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:11:1: YAML syntax error: While scanning a mapping, found invalid tab as indentation; fix the YAML at this place.");
    }

    [Fact]
    public void Parse_UnknownField_NamesItAndListsKnownFields()
    {
        var yaml = ScenarioYaml.WithLine(5, "severity: blocking\nowner: planning-team");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        var e = Assert.IsType<ScenarioSpecException>(error);
        e.Message.ShouldBe($"{ScenarioYaml.File}:6:1: unknown field 'owner'; known fields are id, title, behavior, severity, tags, log, ego, window, expectations, rationale.");
        (e.File, e.Line, e.Column).ShouldBe((ScenarioYaml.File, 6, 1));
    }

    [Fact]
    public void Parse_MisspelledWindowField_ListsWindowFields()
    {
        var yaml = ScenarioYaml.WithLine(9, "window: { start: 2.0, stop: 10.5 }");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:9:23: unknown field 'stop'; known fields are start, end.");
    }

    [Theory]
    [InlineData(2, "id")]
    [InlineData(5, "severity")]
    [InlineData(8, "ego")]
    [InlineData(14, "rationale")]
    public void Parse_MissingRequiredField_NamesIt(int line, string field)
    {
        var yaml = ScenarioYaml.WithoutLine(line);

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        // The root mapping starts at line 2, column 1 (line 1 is a comment); without line 2 it still starts on line 2.
        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:2:1: required field '{field}' is missing; add it.");
    }

    [Fact]
    public void Parse_NoExpectations_Error()
    {
        var yaml = ScenarioYaml.Valid
            .Replace("expectations:\n  - ttc.nuplan.min >= 0.95 s\n  - no event hard_braking\n  - \"speed.mean <= 100 km/h\"\n", "expectations: []\n", StringComparison.Ordinal);

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:10:15: field 'expectations' is '[]', but it needs at least one item.");
    }

    [Fact]
    public void Parse_TagsAsText_WrongType()
    {
        var yaml = ScenarioYaml.WithLine(6, "tags: { a: 1 }");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:6:7: field 'tags' must be a list of texts, but is a mapping.");
    }

    [Fact]
    public void Parse_WindowStartNotANumber_WrongType()
    {
        var yaml = ScenarioYaml.WithLine(9, "window: { start: soon, end: 10.5 }");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:9:18: field 'start' must be a finite number, but is 'soon'.");
    }

    [Fact]
    public void Parse_WindowEndBeforeStart_Error()
    {
        var yaml = ScenarioYaml.WithLine(9, "window: { start: 10.5, end: 2 }");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:9:9: field 'window' is '10.5..2', but its end must be later than its start (the window is half-open, in seconds of log time).");
    }

    [Fact]
    public void Parse_UnknownSeverity_ListsAllowed()
    {
        var yaml = ScenarioYaml.WithLine(5, "severity: critical");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:5:11: field 'severity' is 'critical', but it must be one of blocking, warning, info.");
    }

    [Fact]
    public void Parse_IdWithSlash_Error()
    {
        var yaml = ScenarioYaml.WithLine(2, "id: cut_in/us101");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:2:5: field 'id' is 'cut_in/us101', but an id may hold only letters, digits, '.', '_' and '-' (it names files), starting with a letter or digit.");
    }

    [Fact]
    public void Parse_AbsoluteLogPath_Error()
    {
        var yaml = ScenarioYaml.WithLine(7, "log: /data/us101.parquet");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:7:6: field 'log' is '/data/us101.parquet', but it must be a path relative to the scenarios/ folder with '/' separators, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'.");
    }

    [Fact]
    public void Parse_LogWithDotDotSegment_Error()
    {
        var yaml = ScenarioYaml.WithLine(7, "log: logs/../../etc/us101.parquet");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:7:6: field 'log' is 'logs/../../etc/us101.parquet', but a '..' segment would leave the scenarios/ folder; write the path from the scenarios/ folder down, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'.");
    }

    [Fact]
    public void Parse_DuplicateField_Error()
    {
        var yaml = ScenarioYaml.WithLine(4, "behavior: cut_in\nbehavior: following");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        var e = Assert.IsType<ScenarioSpecException>(error);
        e.Message.ShouldBe($"{ScenarioYaml.File}:5:1: YAML syntax error: Duplicate key behavior; fix the YAML at this place.");
    }

    [Fact]
    public void Parse_TwoDocuments_Error()
    {
        var yaml = ScenarioYaml.Valid + "---\nid: second\n";

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:16:1: the file holds 2 YAML documents; keep one a scenario per file.");
    }

    [Fact]
    public void Parse_EmptyFile_Error()
    {
        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, "# nothing\n"));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:1:1: the file is empty; a scenario needs the fields id, title, behavior, severity, tags, log, ego, window, expectations, rationale.");
    }

    [Fact]
    public void Parse_RootIsList_Error()
    {
        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, "- id: a\n"));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:1:1: a scenario must be a mapping of fields (id, title, behavior, severity, tags, log, ego, window, expectations, rationale), but the file holds a list.");
    }

    [Fact]
    public void Parse_BadUnitInQuotedExpectation_ColumnOfTheUnit()
    {
        // Line 13 is `  - "speed.mean <= 100 kph"`: the text starts at column 6, 'kph' at offset 18, so column 24.
        var yaml = ScenarioYaml.WithLine(13, "  - \"speed.mean <= 100 kph\"");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:13:24: expectation 'speed.mean <= 100 kph': unknown unit 'kph'; known units are m, km, s, ms, m/s, km/h, mph, m/s^2, m/s^3, rad, deg, rad/s, deg/s, rad/s^2, deg/s^2, 1, bool.");
    }

    [Fact]
    public void Parse_ExpectationIsAMapping_Error()
    {
        var yaml = ScenarioYaml.WithLine(12, "  - ttc: 1");

        var error = Record.Exception(() => ScenarioSpecLoader.Parse(ScenarioYaml.File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message
            .ShouldBe($"{ScenarioYaml.File}:12:5: every item of 'expectations' must be a non-empty text, but this one is a mapping.");
    }
}
