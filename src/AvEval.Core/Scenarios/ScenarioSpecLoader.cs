using System.Text.RegularExpressions;
using AvEval.Errors;
using AvEval.Scenarios.Expectations;
using AvEval.Scenarios.Internal;
using AvEval.Scenes;

namespace AvEval.Scenarios;

/// <summary>
/// Reads one scenario YAML file strictly: unknown fields, missing fields, values of the wrong type and
/// expectations that do not parse are <see cref="ScenarioSpecException"/>s naming file, line and column.
/// Nothing else is thrown for bad input. The fields are those of <c>scenarios/schema/scenario.schema.json</c>.
/// </summary>
public static partial class ScenarioSpecLoader
{
    /// <summary>The fields a scenario file may have, in the order the schema lists them.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
        ["id", "title", "behavior", "severity", "tags", "log", "ego", "window", "expectations", "rationale"];

    /// <summary>The fields a scenario file must have.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } =
        ["id", "title", "behavior", "severity", "log", "ego", "expectations", "rationale"];

    /// <summary>The fields of <c>window</c>; both required.</summary>
    public static IReadOnlyList<string> WindowFields { get; } = ["start", "end"];

    /// <summary>Reads a scenario file.</summary>
    /// <param name="file">The YAML file; it becomes <see cref="ScenarioSpec.SourceFile"/> and the prefix of every error.</param>
    /// <exception cref="ScenarioSpecException">The file is unreadable or invalid.</exception>
    public static ScenarioSpec Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Read(YamlMap.Load(file, "a scenario", KnownFields));
    }

    /// <summary>Reads scenario YAML text as if it came from a file.</summary>
    /// <param name="file">The name used in errors and as <see cref="ScenarioSpec.SourceFile"/>.</param>
    /// <param name="yaml">The YAML.</param>
    /// <exception cref="ScenarioSpecException">The text is invalid.</exception>
    public static ScenarioSpec Parse(string file, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(yaml);
        return Read(YamlMap.Parse(file, "a scenario", yaml, KnownFields));
    }

    private static ScenarioSpec Read(YamlMap map)
    {
        var id = map.RequiredMatching("id", IdPattern(), "an id may hold only letters, digits, '.', '_' and '-' (it names files), starting with a letter or digit");
        var title = map.RequiredText("title").Value;
        var behavior = map.RequiredMatching("behavior", BehaviorPattern(), "a behaviour is a snake_case name such as 'cut_in'");
        var severity = ReadSeverity(map);
        var tags = map.TextList("tags", required: false).Select(t => t.Value!).ToList();
        var (log, logNode) = map.RequiredText("log");
        if (SuitePath.LexicalProblem(log) is { } logProblem)
        {
            throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(logNode), YamlMap.Column(logNode), "log", log, logProblem);
        }

        var ego = new TrackId(map.RequiredText("ego").Value);
        var window = ReadWindow(map);
        var expectations = map.TextList("expectations", required: true)
            .Select(node => ExpectationParser.Parse(node.Value!, map.ContentLocation(node)))
            .ToList();
        var rationale = map.RequiredText("rationale").Value;
        return new ScenarioSpec(id, title, behavior, severity, tags, log, ego, window, expectations, rationale, map.File)
        {
            LogLocation = new SourceLocation(map.File, YamlMap.Line(logNode), YamlMap.Column(logNode)),
            WindowLocation = map.Find("window") is { } windowNode ? new SourceLocation(map.File, YamlMap.Line(windowNode), YamlMap.Column(windowNode)) : null,
        };
    }

    private static Severity ReadSeverity(YamlMap map)
    {
        var (value, node) = map.RequiredText("severity");
        return value switch
        {
            "blocking" => Severity.Blocking,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            _ => throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(node), YamlMap.Column(node), "severity", value, "it must be one of blocking, warning, info"),
        };
    }

    private static ScenarioWindow? ReadWindow(YamlMap map)
    {
        var window = map.OptionalMap("window", "a window", WindowFields);
        if (window is null)
        {
            return null;
        }

        var start = window.RequiredNumber("start");
        var end = window.RequiredNumber("end");
        return end > start
            ? new ScenarioWindow(start, end)
            : throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(window.Node), YamlMap.Column(window.Node), "window", $"{Expectation.Format(start)}..{Expectation.Format(end)}", "its end must be later than its start (the window is half-open, in seconds of log time)");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BehaviorPattern();
}
