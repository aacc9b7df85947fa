using System.Text.Json;
using AvEval.Statistics;

namespace AvEval.Cli.Output;

/// <summary>
/// Writes <c>aveval golden agreement --format json</c>: format version, counts, the bootstrap settings (unit = items)
/// and one entry per coefficient with <c>name</c>, <c>level</c> or <c>weighting</c>, <c>value</c> and <c>ci95</c>
/// (null with a <c>reason</c> when it does not apply).
/// </summary>
internal static class AgreementJsonWriter
{
    /// <summary>The format id written into every document; bump it on any breaking change.</summary>
    public const string Format = "aveval.agreement/1";

    /// <summary>Writes the document.</summary>
    public static void Write(TextWriter output, LongFormLabels labels, BootstrapOptions options, IReadOnlyList<AgreementCoefficient> coefficients)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("file", labels.Source);
            json.WriteNumber("items", labels.Items.Count);
            json.WriteNumber("raters", labels.Raters.Count);
            json.WriteNumber("labels", labels.Count);
            json.WriteBoolean("numeric", labels.IsNumeric);
            json.WriteStartObject("bootstrap");
            json.WriteString("unit", "items");
            json.WriteNumber("resamples", options.Resamples);
            json.WriteNumber("seed", options.Seed);
            json.WriteString("method", options.Method == BootstrapMethod.Bca ? "bca" : "percentile");
            json.WriteNumber("level", options.Level);
            json.WriteEndObject();
            json.WriteStartArray("coefficients");
            foreach (var c in coefficients)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                if (c.Level is { } level)
                {
                    json.WriteString("level", level);
                }

                if (c.Weighting is { } weighting)
                {
                    json.WriteString("weighting", weighting);
                }

                WriteNumber(json, "value", c.Value);
                json.WritePropertyName("ci95");
                if (c.Bootstrap is { } run)
                {
                    json.WriteStartArray();
                    WriteNumber(json, null, run.Interval.Lower);
                    WriteNumber(json, null, run.Interval.Upper);
                    json.WriteEndArray();
                    json.WriteNumber("valid_resamples", run.ValidResamples);
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteNumber("items", c.Items);
                if (c.Reason is { } reason)
                {
                    json.WriteString("reason", reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNumber(Utf8JsonWriter json, string? name, double? value)
    {
        if (name is not null)
        {
            json.WritePropertyName(name);
        }

        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
