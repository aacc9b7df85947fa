using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AvEval.Scenarios.Internal;

/// <summary>
/// A YAML mapping read strictly: every key must be a known field, values are checked for shape, and every
/// problem becomes a <see cref="ScenarioSpecException"/> at the line and column of the offending node.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    private YamlMap(string file, string what, YamlMappingNode node, IReadOnlyList<string> known)
    {
        File = file;
        Node = node;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalarKey)
            {
                throw ScenarioSpecException.At(file, Line(key), Column(key), $"a key of {what} must be a plain field name, not {Describe(key)}.");
            }

            if (!known.Contains(name))
            {
                throw ScenarioSpecException.UnknownField(file, Line(key), Column(key), name, known);
            }

            if (!_fields.TryAdd(name, (scalarKey, value)))
            {
                throw ScenarioSpecException.At(file, Line(key), Column(key), $"field '{name}' appears twice; keep one.");
            }
        }
    }

    /// <summary>The file the mapping was read from.</summary>
    public string File { get; }

    /// <summary>The mapping node.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Reads a file holding exactly one YAML document whose root is a mapping of known fields, within <see cref="YamlLimits.Default"/>.</summary>
    public static YamlMap Load(string file, string what, IReadOnlyList<string> known) =>
        Parse(file, what, BoundedYamlReader.ReadText(file, file), known);

    /// <summary>Parses YAML text that came from a file, within <see cref="YamlLimits.Default"/>.</summary>
    public static YamlMap Parse(string file, string what, string text, IReadOnlyList<string> known)
    {
        var stream = BoundedYamlReader.Parse(file, text);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw ScenarioSpecException.At(file, 1, 1, $"the file is empty; {what} needs the fields {string.Join(", ", known)}.");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw ScenarioSpecException.At(file, Line(second), Column(second), $"the file holds {stream.Documents.Count} YAML documents; keep one {what} per file.");
        }

        var root = stream.Documents[0].RootNode;
        return root is YamlMappingNode mapping
            ? new YamlMap(file, what, mapping, known)
            : throw ScenarioSpecException.At(file, Line(root), Column(root), $"{what} must be a mapping of fields ({string.Join(", ", known)}), but the file holds {Describe(root)}.");
    }

    /// <summary>A field's value node, or null when absent (a YAML null counts as absent).</summary>
    public YamlNode? Find(string field) =>
        _fields.TryGetValue(field, out var entry) && !(entry.Value is YamlScalarNode s && IsNull(s)) ? entry.Value : null;

    /// <summary>A required text field; must be non-empty.</summary>
    public (string Value, YamlScalarNode Node) RequiredText(string field) =>
        OptionalText(field) ?? throw Missing(field);

    /// <summary>An optional text field; null when absent; non-empty when present.</summary>
    public (string Value, YamlScalarNode Node)? OptionalText(string field)
    {
        var node = Find(field);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } scalar)
        {
            throw WrongType(field, node, "a text");
        }

        return string.IsNullOrWhiteSpace(value)
            ? throw ScenarioSpecException.BadValue(File, Line(node), Column(node), field, value, "it must not be empty")
            : (value, scalar);
    }

    /// <summary>A required text field that must match a pattern.</summary>
    public string RequiredMatching(string field, Regex pattern, string rule)
    {
        var (value, node) = RequiredText(field);
        return pattern.IsMatch(value) ? value : throw ScenarioSpecException.BadValue(File, Line(node), Column(node), field, value, rule);
    }

    /// <summary>A required finite number.</summary>
    public double RequiredNumber(string field)
    {
        var (value, node) = RequiredText(field);
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw ScenarioSpecException.WrongType(File, Line(node), Column(node), field, "a finite number", $"'{value}'");
    }

    /// <summary>An optional nested mapping of known fields.</summary>
    public YamlMap? OptionalMap(string field, string what, IReadOnlyList<string> known)
    {
        var node = Find(field);
        return node switch
        {
            null => null,
            YamlMappingNode mapping => new YamlMap(File, what, mapping, known),
            _ => throw WrongType(field, node, $"a mapping with fields {string.Join(", ", known)}"),
        };
    }

    /// <summary>A required nested mapping.</summary>
    public YamlMap RequiredMap(string field, string what, IReadOnlyList<string> known) =>
        OptionalMap(field, what, known) ?? throw Missing(field);

    /// <summary>A list of non-empty texts; empty when absent and not required.</summary>
    public IReadOnlyList<YamlScalarNode> TextList(string field, bool required)
    {
        var items = List(field, required, "a list of texts");
        var texts = new List<YamlScalarNode>(items.Count);
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } value } scalar || string.IsNullOrWhiteSpace(value))
            {
                throw ScenarioSpecException.At(File, Line(item), Column(item), $"every item of '{field}' must be a non-empty text, but this one is {Describe(item)}.");
            }

            texts.Add(scalar);
        }

        return texts;
    }

    /// <summary>A list of mappings.</summary>
    public IReadOnlyList<YamlNode> List(string field, bool required, string expected)
    {
        var node = Find(field);
        if (node is null)
        {
            return required ? throw Missing(field) : [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw WrongType(field, node, expected);
        }

        if (required && sequence.Children.Count == 0)
        {
            throw ScenarioSpecException.BadValue(File, Line(node), Column(node), field, "[]", "it needs at least one item");
        }

        return [.. sequence.Children];
    }

    /// <summary>The mapping a list item must be.</summary>
    public YamlMap Item(YamlNode item, string field, string what, IReadOnlyList<string> known) =>
        item is YamlMappingNode mapping
            ? new YamlMap(File, what, mapping, known)
            : throw ScenarioSpecException.At(File, Line(item), Column(item), $"every item of '{field}' must be a mapping with fields {string.Join(", ", known)}, but this one is {Describe(item)}.");

    /// <summary>An error for a missing field, at the start of this mapping.</summary>
    public ScenarioSpecException Missing(string field) => ScenarioSpecException.MissingField(File, Line(Node), Column(Node), field);

    /// <summary>1-based line of a node.</summary>
    public static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>1-based column of a node.</summary>
    public static int Column(YamlNode node) => (int)node.Start.Column;

    /// <summary>Where a scalar's text starts: one past the opening quote for quoted scalars.</summary>
    public SourceLocation ContentLocation(YamlScalarNode node) =>
        new(File, Line(node), Column(node) + (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0));

    private ScenarioSpecException WrongType(string field, YamlNode node, string expected) =>
        ScenarioSpecException.WrongType(File, Line(node), Column(node), field, expected, Describe(node));

    private static bool IsNull(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"the text '{s.Value}'",
        _ => "an alias",
    };
}
