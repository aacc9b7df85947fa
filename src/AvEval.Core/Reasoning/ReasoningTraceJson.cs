using System.Text.Json;
using AvEval.Scenes;

namespace AvEval.Reasoning;

/// <summary>
/// A reasoning trace as JSON: <c>{"source", "horizon_s", "steps": [{"t", "maneuver", "cited": [{"agent", "role",
/// "distance_m", "closing_speed_mps"}], "text"}]}</c>; a step without a maneuver writes <c>"maneuver": null</c>, an absent
/// distance or closing speed is null.
/// </summary>
public static class ReasoningTraceJson
{
    /// <summary>Writes a trace as one JSON object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="trace">The trace.</param>
    public static void Write(Utf8JsonWriter w, ReasoningTrace trace)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(trace);
        w.WriteStartObject();
        w.WriteString("source", trace.Source);
        WriteNumber(w, "horizon_s", trace.HorizonSeconds);
        w.WriteStartArray("steps");
        foreach (var s in trace.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("t", Math.Round(s.TimeSeconds, 6));
            w.WriteString("maneuver", s.Maneuver?.Name);
            w.WriteStartArray("cited");
            foreach (var c in s.Cited)
            {
                w.WriteStartObject();
                w.WriteString("agent", c.Agent.Value);
                w.WriteString("role", c.Role);
                WriteNumber(w, "distance_m", c.DistanceMetres is { } d ? Math.Round(d, 3) : null);
                WriteNumber(w, "closing_speed_mps", c.ClosingSpeedMps is { } v ? Math.Round(v, 3) : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("text", s.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a trace written by <see cref="Write"/>.</summary>
    /// <param name="e">The JSON object.</param>
    /// <exception cref="FormatException">A field is missing or of the wrong type; the message names it.</exception>
    public static ReasoningTrace Read(JsonElement e)
    {
        var steps = new List<ReasoningStep>();
        foreach (var s in Field(e, "steps", JsonValueKind.Array).EnumerateArray())
        {
            Maneuver? maneuver = null;
            var m = s.TryGetProperty("maneuver", out var me) ? me : default;
            if (m.ValueKind == JsonValueKind.String)
            {
                maneuver = Maneuver.TryParse(m.GetString(), out var parsed) ? parsed : throw new FormatException($"field 'maneuver' is '{m.GetString()}', not a label of the taxonomy such as 'decelerate/keep-lane'");
            }

            var cited = new List<CitedAgent>();
            foreach (var c in Field(s, "cited", JsonValueKind.Array).EnumerateArray())
            {
                cited.Add(new CitedAgent(new TrackId(Field(c, "agent", JsonValueKind.String).GetString()!), Field(c, "role", JsonValueKind.String).GetString()!, Number(c, "distance_m"), Number(c, "closing_speed_mps")));
            }

            steps.Add(new ReasoningStep(Field(s, "t", JsonValueKind.Number).GetDouble(), maneuver, cited, Field(s, "text", JsonValueKind.String).GetString()!));
        }

        return new ReasoningTrace(Field(e, "source", JsonValueKind.String).GetString()!, steps, Number(e, "horizon_s"));
    }

    private static JsonElement Field(JsonElement e, string name, JsonValueKind kind) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == kind
            ? v
            : throw new FormatException($"field '{name}' is missing or not a {kind.ToString().ToLowerInvariant()}");

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
