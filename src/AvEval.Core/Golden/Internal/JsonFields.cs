using System.Globalization;
using System.Text.Json;
using AvEval.Errors;

namespace AvEval.Golden.Internal;

/// <summary>
/// Typed reads of JSON fields that fail with a <see cref="GoldenSetException"/> naming the file, the location and the
/// field (missing, wrong type, empty, not finite) instead of a raw <see cref="KeyNotFoundException"/> or
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="location">Where in it (<c>line 3</c>); null to use the field's name as the location (a manifest).</param>
/// <param name="subject">What the JSON is, for messages, e.g. <c>the item</c>.</param>
internal sealed class JsonFields(string path, string? location, string subject)
{
    public JsonElement Property(JsonElement parent, string name, string prefix = "")
    {
        Object(parent, prefix.Length == 0 ? subject : prefix.TrimEnd('.'));
        return parent.TryGetProperty(name, out var value)
            ? value
            : throw Fail(prefix + name, $"{subject} has no field '{prefix}{name}'; add it (see a set written by 'aveval golden build') or regenerate the set.");
    }

    public void Object(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(name, $"'{name}' is {Describe(value)}, not a JSON object; fix it or regenerate the set.");
        }
    }

    public string Text(JsonElement parent, string name, string prefix = "") => TextValue(Property(parent, name, prefix), prefix + name);

    public string TextValue(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Fail(name, $"field '{name}' is {Describe(value)}, not a non-empty string; fix the field or regenerate the set.");

    public string? OptionalText(JsonElement parent, string name, string prefix = "") =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? TextValue(value, prefix + name) : null;

    public double Number(JsonElement parent, string name, string prefix = "") => Value(Property(parent, name, prefix), prefix + name);

    public double Value(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw Fail(name, $"field '{name}' is {Describe(value)}, not a finite number; fix the field or regenerate the set.");

    public int Integer(JsonElement parent, string name, string prefix = "")
    {
        var value = Property(parent, name, prefix);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw Fail(prefix + name, $"field '{prefix}{name}' is {Describe(value)}, not a whole number; fix the field or regenerate the set.");
    }

    public JsonElement Array(JsonElement parent, string name, string prefix = "")
    {
        var value = Property(parent, name, prefix);
        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw Fail(prefix + name, $"field '{prefix}{name}' is {Describe(value)}, not an array; fix the field or regenerate the set.");
    }

    public string Sha256(JsonElement parent, string name)
    {
        string text = Text(parent, name);
        return text.Length == 64 && text.All(char.IsAsciiHexDigitLower)
            ? text
            : throw Fail(name, $"field '{name}' is '{text}', not a SHA-256 (64 lower-case hex digits); restore the manifest or regenerate the set.");
    }

    private GoldenSetException Fail(string field, string problem) => GoldenSetException.Malformed(path, location ?? field, problem);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length == 0 ? "an empty string" : $"the string '{Clip(value.GetString()!)}'",
        JsonValueKind.Number => $"the number '{Clip(value.GetRawText())}'",
        JsonValueKind.True or JsonValueKind.False => $"'{value.GetRawText()}'",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "absent",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..40]}...");
}
