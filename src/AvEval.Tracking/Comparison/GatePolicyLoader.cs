using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Statistics;
using YamlDotNet.RepresentationModel;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// Reads a gate policy (<c>scenarios/gate.yaml</c>, schema <c>scenarios/schema/gate.schema.json</c>) strictly, through
/// the bounded YAML reader: one mapping with <c>significance_level</c> (0 &lt; α &lt; 0.5), <c>correction</c>
/// (<c>holm</c>, <c>bh</c> or <c>none</c>), <c>flaky_threshold</c> (0–1) and <c>blocking</c>, a non-empty list of
/// <c>{behavior, margin}</c> (margin 0–1, the tolerated pass-rate drop). An unknown, missing, repeated or ill-typed field
/// is a <see cref="ScenarioSpecException"/> at <c>file:line:column</c>.
/// </summary>
public static partial class GatePolicyLoader
{
    /// <summary>The fields of the policy, in the order the schema lists them.</summary>
    public static readonly IReadOnlyList<string> KnownFields = ["significance_level", "correction", "flaky_threshold", "blocking", "coverage"];

    /// <summary>The fields of the optional <c>coverage:</c> mapping (<see cref="CoverageRequirement"/>).</summary>
    public static readonly IReadOnlyList<string> CoverageFields = ["minimum", "behaviors", "road_types", "speed_bands", "densities"];

    /// <summary>The fields of one blocking behaviour.</summary>
    public static readonly IReadOnlyList<string> BlockingFields = ["behavior", "margin"];

    /// <summary>The policy's file name beside the suite's <c>candidates.yaml</c>, used when no policy file is named.</summary>
    public const string DefaultFile = "gate.yaml";

    /// <summary>The values of <c>correction</c>.</summary>
    public static readonly IReadOnlyList<string> Corrections = ["holm", "bh", "none"];

    /// <summary>Reads the file.</summary>
    /// <param name="file">The policy file, as the user named it (errors show it so).</param>
    public static GatePolicy Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Parse(file, BoundedYamlReader.ReadText(file, file));
    }

    /// <summary>Parses policy text that came from <paramref name="file"/>.</summary>
    public static GatePolicy Parse(string file, string text)
    {
        var stream = BoundedYamlReader.Parse(file, text);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw ScenarioSpecException.At(file, 1, 1, $"the file is empty; a gate policy needs the fields {string.Join(", ", KnownFields)}.");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw ScenarioSpecException.At(file, Line(second), Column(second), "the file holds more than one YAML document; keep one gate policy per file.");
        }

        var root = Fields(file, stream.Documents[0].RootNode, "a gate policy", KnownFields);
        double alpha = Number(file, root, stream.Documents[0].RootNode, "significance_level", 0, 0.5, inclusive: false);
        var (correctionText, correctionNode) = Text(file, root, stream.Documents[0].RootNode, "correction");
        var correction = correctionText switch
        {
            "holm" => MultipleTestingCorrection.Holm,
            "bh" => MultipleTestingCorrection.BenjaminiHochberg,
            "none" => MultipleTestingCorrection.None,
            _ => throw ScenarioSpecException.BadValue(file, Line(correctionNode), Column(correctionNode), "correction", correctionText, $"it must be one of {string.Join(", ", Corrections)}"),
        };
        double flaky = Number(file, root, stream.Documents[0].RootNode, "flaky_threshold", 0, 1, inclusive: true);
        var listNode = Required(file, root, stream.Documents[0].RootNode, "blocking");
        if (listNode is not YamlSequenceNode list)
        {
            throw ScenarioSpecException.WrongType(file, Line(listNode), Column(listNode), "blocking", "a list of {behavior, margin}", Describe(listNode));
        }

        if (list.Children.Count == 0)
        {
            throw ScenarioSpecException.BadValue(file, Line(list), Column(list), "blocking", "[]", "it needs at least one behaviour");
        }

        var blocking = new List<BlockingBehavior>();
        foreach (var item in list.Children)
        {
            var fields = Fields(file, item, "a blocking behaviour", BlockingFields);
            var (behavior, behaviorNode) = Text(file, fields, item, "behavior");
            if (!BehaviorPattern().IsMatch(behavior))
            {
                throw ScenarioSpecException.BadValue(file, Line(behaviorNode), Column(behaviorNode), "behavior", behavior, "a behaviour is snake_case, as its folder under scenarios/behaviors/ is named");
            }

            if (blocking.Any(b => b.Behavior == behavior))
            {
                throw ScenarioSpecException.BadValue(file, Line(behaviorNode), Column(behaviorNode), "behavior", behavior, "it is listed twice under 'blocking'; keep one");
            }

            blocking.Add(new BlockingBehavior(behavior, Number(file, fields, item, "margin", 0, 1, inclusive: true)));
        }

        var coverage = root.TryGetValue("coverage", out var coverageEntry) ? CoverageOf(file, coverageEntry.Value) : null;
        return new GatePolicy(file, alpha, correction, flaky, blocking, coverage);
    }

    private static CoverageRequirement CoverageOf(string file, YamlNode node)
    {
        var fields = Fields(file, node, "the coverage minimum", CoverageFields);
        var (text, minimumNode) = Text(file, fields, node, "minimum");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int minimum) || minimum < 1)
        {
            throw ScenarioSpecException.BadValue(file, Line(minimumNode), Column(minimumNode), "minimum", text, "it must be a whole number of scenarios per cell, at least 1");
        }

        return new CoverageRequirement(
            minimum,
            Names(file, fields, "behaviors", null),
            Names(file, fields, "road_types", Coverage.ScenarioTaxonomy.RoadTypes),
            Names(file, fields, "speed_bands", Coverage.ScenarioTaxonomy.SpeedBands),
            Names(file, fields, "densities", Coverage.ScenarioTaxonomy.Densities));
    }

    private static List<string> Names(string file, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string field, IReadOnlyList<string>? allowed)
    {
        if (!fields.TryGetValue(field, out var entry))
        {
            return [];
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            throw ScenarioSpecException.WrongType(file, Line(entry.Value), Column(entry.Value), field, "a list of names", Describe(entry.Value));
        }

        var names = new List<string>();
        foreach (var item in list.Children)
        {
            string value = item is YamlScalarNode { Value: { } v } ? v : throw ScenarioSpecException.WrongType(file, Line(item), Column(item), field, "a name", Describe(item));
            bool known = allowed is null ? BehaviorPattern().IsMatch(value) : allowed.Contains(value);
            if (!known)
            {
                throw ScenarioSpecException.BadValue(file, Line(item), Column(item), field, value, allowed is null ? "a behaviour is snake_case, as its folder under scenarios/behaviors/ is named" : $"it must be one of {string.Join(", ", allowed)}");
            }

            names.Add(value);
        }

        return names;
    }

    private static Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Fields(string file, YamlNode node, string what, IReadOnlyList<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw ScenarioSpecException.At(file, Line(node), Column(node), $"{what} must be a mapping of fields ({string.Join(", ", known)}), but is {Describe(node)}.");
        }

        var fields = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                throw ScenarioSpecException.At(file, Line(key), Column(key), $"a key of {what} must be a plain field name, not {Describe(key)}.");
            }

            if (!known.Contains(name))
            {
                throw ScenarioSpecException.UnknownField(file, Line(key), Column(key), name, known);
            }

            if (!fields.TryAdd(name, (scalar, value)))
            {
                throw ScenarioSpecException.At(file, Line(key), Column(key), $"field '{name}' appears twice; keep one.");
            }
        }

        return fields;
    }

    private static YamlNode Required(string file, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, YamlNode parent, string field) =>
        fields.TryGetValue(field, out var entry) && !(entry.Value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" })
            ? entry.Value
            : throw ScenarioSpecException.MissingField(file, Line(parent), Column(parent), field);

    private static (string Value, YamlNode Node) Text(string file, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, YamlNode parent, string field)
    {
        var node = Required(file, fields, parent, field);
        return node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? (value, node)
            : throw ScenarioSpecException.WrongType(file, Line(node), Column(node), field, "a text", Describe(node));
    }

    private static double Number(string file, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, YamlNode parent, string field, double low, double high, bool inclusive)
    {
        var (text, node) = Text(file, fields, parent, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw ScenarioSpecException.WrongType(file, Line(node), Column(node), field, "a finite number", $"'{text}'");
        }

        bool inside = inclusive ? value >= low && value <= high : value > low && value < high;
        return inside
            ? value
            : throw ScenarioSpecException.BadValue(file, Line(node), Column(node), field, text, string.Create(CultureInfo.InvariantCulture, $"it must lie in {(inclusive ? "[" : "(")}{low}, {high}{(inclusive ? "]" : ")")}"));
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Column(YamlNode node) => (int)node.Start.Column;

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"the text '{s.Value}'",
        _ => "an alias",
    };

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BehaviorPattern();
}
