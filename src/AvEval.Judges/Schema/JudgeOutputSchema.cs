using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Errors;

namespace AvEval.Judges.Schema;

/// <summary>
/// A judge's output JSON Schema (the subset in <see cref="JudgeException.UnsupportedSchema"/>), the GBNF grammar that
/// constrains a local model to it (properties in declaration order, compact JSON, no free whitespace), and the strict
/// parser that decides whether an answer is valid. Immutable.
/// </summary>
public sealed class JudgeOutputSchema
{
    private const int MaxFreeString = 2000;

    private JudgeOutputSchema(string json, IReadOnlyList<JudgeOutputProperty> properties)
    {
        Json = json;
        Properties = properties;
    }

    /// <summary>The schema as written (compact JSON), as sent to servers in the JSON-Schema response format.</summary>
    public string Json { get; }

    /// <summary>The properties, in declaration order.</summary>
    public IReadOnlyList<JudgeOutputProperty> Properties { get; }

    /// <summary>Reads a schema, refusing anything outside the supported subset.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="where">The card and field, for messages.</param>
    /// <exception cref="JudgeException">The schema uses an unsupported construct.</exception>
    public static JudgeOutputSchema From(JsonElement schema, string where)
    {
        ArgumentException.ThrowIfNullOrEmpty(where);
        if (schema.ValueKind != JsonValueKind.Object || Text(schema, "type") != "object")
        {
            throw JudgeException.UnsupportedSchema(where, $"the schema's 'type' is '{(schema.ValueKind == JsonValueKind.Object ? Text(schema, "type") : schema.ValueKind.ToString())}', not 'object'");
        }

        if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
        {
            throw JudgeException.UnsupportedSchema(where, "'additionalProperties' is not false");
        }

        if (!schema.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object || !props.EnumerateObject().Any())
        {
            throw JudgeException.UnsupportedSchema(where, "'properties' is missing or empty");
        }

        var required = schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
            ? req.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
            : [];
        var list = new List<JudgeOutputProperty>();
        foreach (var p in props.EnumerateObject())
        {
            string at = $"{where}.properties.{p.Name}";
            if (!required.Contains(p.Name))
            {
                throw JudgeException.UnsupportedSchema(at, $"property '{p.Name}' is not in 'required'");
            }

            if (p.Name.Any(c => c is '"' or '\\' || char.IsControl(c)))
            {
                throw JudgeException.UnsupportedSchema(at, $"property name '{p.Name}' holds a quote, backslash or control character");
            }

            list.Add(ReadProperty(p.Name, p.Value, at));
        }

        foreach (var name in required.Where(r => list.All(p => p.Name != r)))
        {
            throw JudgeException.UnsupportedSchema(where, $"'required' names '{name}', which is not a property");
        }

        return new JudgeOutputSchema(JsonSerializer.Serialize(schema), list);
    }

    /// <summary>The property of this name.</summary>
    /// <param name="name">The name.</param>
    public JudgeOutputProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The GBNF grammar (llama.cpp's grammar format) whose sentences are exactly the compact JSON objects with every
    /// property in declaration order and a value the schema allows (free strings: printable characters other than
    /// quote and backslash; integers: every value of a range of at most 101, else up to 6 digits; numbers: up to 6
    /// integer and 6 fraction digits). Every sentence parses under <see cref="Parse"/> except numbers outside a
    /// range, which the strict parser still refuses.
    /// </summary>
    public string ToGbnf()
    {
        var sb = new StringBuilder();
        sb.Append("root ::= \"{\" ");
        for (int i = 0; i < Properties.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("\",\" ");
            }

            sb.Append(CultureInfo.InvariantCulture, $"\"\\\"{Properties[i].Name}\\\":\" v{i} ");
        }

        sb.Append("\"}\"\n");
        for (int i = 0; i < Properties.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"v{i} ::= {ValueRule(Properties[i])}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Parses an answer strictly: one JSON object, nothing before or after it, every property present once with a value
    /// the schema allows, no other property. Never throws on a bad answer.
    /// </summary>
    /// <param name="text">The model's answer.</param>
    /// <returns>The values, or why the answer is invalid.</returns>
    public JudgeParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return JudgeParse.Invalid("the answer is empty");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            return JudgeParse.Invalid($"the answer is not one JSON value ({e.Message})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JudgeParse.Invalid($"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            var values = new Dictionary<string, JudgeValue>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                var prop = Find(p.Name);
                if (prop is null)
                {
                    return JudgeParse.Invalid($"the answer has the property '{p.Name}', which the schema does not allow");
                }

                if (values.ContainsKey(p.Name))
                {
                    return JudgeParse.Invalid($"the answer repeats the property '{p.Name}'");
                }

                string? problem = Check(prop, p.Value, out var value);
                if (problem is not null)
                {
                    return JudgeParse.Invalid(problem);
                }

                values[p.Name] = value;
            }

            var missing = Properties.FirstOrDefault(p => !values.ContainsKey(p.Name));
            return missing is null ? JudgeParse.Valid(values) : JudgeParse.Invalid($"the answer lacks the property '{missing.Name}'");
        }
    }

    private static string? Check(JudgeOutputProperty prop, JsonElement v, out JudgeValue value)
    {
        value = default;
        switch (prop.Type)
        {
            case "string" when v.ValueKind == JsonValueKind.String:
                string s = v.GetString()!;
                if (prop.Enum.Count > 0 && !prop.Enum.Contains(s, StringComparer.Ordinal))
                {
                    return $"'{prop.Name}' is '{s}', not one of {string.Join(", ", prop.Enum.Select(e => $"'{e}'"))}";
                }

                if (prop.Enum.Count == 0 && s.Length > prop.MaxLength)
                {
                    return $"'{prop.Name}' has {s.Length} characters, more than its maxLength {prop.MaxLength}";
                }

                value = JudgeValue.Of(s);
                return null;
            case "integer" when v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n):
                return InRange(prop, n, out value);
            case "number" when v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d):
                return InRange(prop, d, out value);
            case "boolean" when v.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = JudgeValue.Of(v.GetBoolean());
                return null;
            default:
                return $"'{prop.Name}' is a JSON {v.ValueKind.ToString().ToLowerInvariant()} ('{Shorten(v.GetRawText())}'), not a {prop.Type}";
        }
    }

    private static string? InRange(JudgeOutputProperty prop, double x, out JudgeValue value)
    {
        value = JudgeValue.Of(x);
        if ((prop.Minimum is { } min && x < min) || (prop.Maximum is { } max && x > max))
        {
            return $"'{prop.Name}' is '{x.ToString(CultureInfo.InvariantCulture)}', outside [{prop.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}, {prop.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "inf"}]";
        }

        return null;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static string ValueRule(JudgeOutputProperty p) => p.Type switch
    {
        "string" when p.Enum.Count > 0 => string.Join(" | ", p.Enum.Select(e => $"\"\\\"{Escape(e)}\\\"\"")),
        "string" => $"\"\\\"\" [^\"\\\\\\x00-\\x1f]{{0,{p.MaxLength}}} \"\\\"\"",
        "integer" when p.Minimum is { } min && p.Maximum is { } max && max - min <= 100 =>
            string.Join(" | ", Enumerable.Range((int)min, (int)(max - min) + 1).Select(i => $"\"{i.ToString(CultureInfo.InvariantCulture)}\"")),
        "integer" => "\"-\"? [0-9]{1,6}",
        "number" => "\"-\"? [0-9]{1,6} (\".\" [0-9]{1,6})?",
        _ => "\"true\" | \"false\"",
    };

    private static string Escape(string s) => s.Replace("\\", "\\\\\\\\", StringComparison.Ordinal).Replace("\"", "\\\\\\\"", StringComparison.Ordinal);

    private static JudgeOutputProperty ReadProperty(string name, JsonElement p, string at)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            throw JudgeException.UnsupportedSchema(at, $"the property is a JSON {p.ValueKind.ToString().ToLowerInvariant()}, not a schema object");
        }

        string? type = Text(p, "type");
        switch (type)
        {
            case "string" when p.TryGetProperty("enum", out var e):
                if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0 || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(x.GetString())))
                {
                    throw JudgeException.UnsupportedSchema(at, "'enum' is not a non-empty list of non-empty strings");
                }

                var values = e.EnumerateArray().Select(x => x.GetString()!).ToList();
                if (values.Any(v => v.Any(char.IsControl)))
                {
                    throw JudgeException.UnsupportedSchema(at, "an 'enum' value holds a control character");
                }

                return new JudgeOutputProperty(name, type, values, 0, null, null);
            case "string":
                if (!p.TryGetProperty("maxLength", out var ml) || !ml.TryGetInt32(out int maxLength) || maxLength < 1 || maxLength > MaxFreeString)
                {
                    throw JudgeException.UnsupportedSchema(at, $"a free string needs 'maxLength' between 1 and {MaxFreeString} (a bound on what the model may write)");
                }

                return new JudgeOutputProperty(name, type, [], maxLength, null, null);
            case "integer" or "number":
                double? min = p.TryGetProperty("minimum", out var mn) && mn.TryGetDouble(out double a) ? a : null;
                double? max = p.TryGetProperty("maximum", out var mx) && mx.TryGetDouble(out double b) ? b : null;
                if (min > max)
                {
                    throw JudgeException.UnsupportedSchema(at, $"'minimum' {min} is above 'maximum' {max}");
                }

                if (type == "integer" && (min % 1 != 0 || max % 1 != 0))
                {
                    throw JudgeException.UnsupportedSchema(at, "an integer's 'minimum' and 'maximum' must be whole numbers");
                }

                return new JudgeOutputProperty(name, type, [], 0, min, max);
            case "boolean":
                return new JudgeOutputProperty(name, type, [], 0, null, null);
            default:
                throw JudgeException.UnsupportedSchema(at, $"the type '{type}' is not supported");
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
