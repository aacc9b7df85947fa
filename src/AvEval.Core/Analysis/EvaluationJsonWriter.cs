using System.Text.Json;
using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// Writes evaluations as JSON: the document of <c>aveval analyze --format json</c> (a format version, the scene summary
/// and one entry per analyzed ego), and the same scene and evaluation objects for other documents (the evaluation a
/// scenario test attaches to its result). Infinite values (no TTC) and NaN are written as the strings <c>"Infinity"</c> /
/// <c>"-Infinity"</c> / <c>"NaN"</c>; a metric without a value has <c>"value": null</c> and a <c>reason</c>.
/// </summary>
public static class EvaluationJsonWriter
{
    /// <summary>The format id written into every document; bump it on any breaking change.</summary>
    public const string Format = "aveval.analysis/1";

    /// <summary>Writes the analysis document: format, scene, and one entry per evaluation under <c>drives</c>.</summary>
    /// <param name="output">Where the document goes, followed by a new line.</param>
    /// <param name="scene">The analyzed scene.</param>
    /// <param name="evaluations">One evaluation per analyzed ego.</param>
    public static void Write(TextWriter output, Scene scene, IReadOnlyList<Evaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(evaluations);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            WriteScene(json, scene);
            json.WriteStartArray("drives");
            foreach (var evaluation in evaluations)
            {
                WriteEvaluation(json, evaluation);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Writes the scene summary as the property <c>scene</c> of the current object.</summary>
    /// <param name="json">A writer positioned inside an object.</param>
    /// <param name="scene">The scene.</param>
    public static void WriteScene(Utf8JsonWriter json, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(scene);
        json.WriteStartObject("scene");
        json.WriteString("id", scene.Id);
        json.WriteString("dataset", scene.Provenance.Dataset);
        json.WriteString("licence", scene.Provenance.Licence);
        json.WriteString("source_file", scene.Provenance.SourceFile);
        json.WriteString("sha256", scene.Provenance.ContentSha256);
        json.WriteNumber("duration_s", scene.TimeBase.FrameCount * scene.TimeBase.StepSeconds);
        json.WriteNumber("step_s", scene.TimeBase.StepSeconds);
        json.WriteNumber("frames", scene.TimeBase.FrameCount);
        json.WriteNumber("tracks", scene.Tracks.Count);
        json.WriteNumber("vehicles", scene.Tracks.Count(t => t.Kind == AgentKind.Vehicle));
        json.WriteNumber("lanes", scene.Lanes.Lanes.Count);
        if (scene.RecordedEgo is { } ego)
        {
            json.WriteString("recorded_ego", ego.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes one evaluation as an object value (ego, analyzers, metrics, events, diagnostics).</summary>
    /// <param name="json">A writer positioned where a value may go (in an array, or after a property name).</param>
    /// <param name="evaluation">The evaluation.</param>
    public static void WriteEvaluation(Utf8JsonWriter json, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(evaluation);
        json.WriteStartObject();
        json.WriteString("ego", evaluation.Ego.Value);
        json.WriteStartArray("analyzers");
        foreach (var analyzer in evaluation.Analyzers)
        {
            json.WriteStringValue(analyzer);
        }

        json.WriteEndArray();
        json.WriteStartArray("metrics");
        foreach (var metric in evaluation.Metrics)
        {
            json.WriteStartObject();
            json.WriteString("name", metric.Name);
            WriteNumber(json, "value", metric.Value);
            json.WriteString("unit", metric.Unit.Symbol);
            json.WriteString("definition", metric.Definition);
            if (metric.Reason is not null)
            {
                json.WriteString("reason", metric.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in evaluation.Events)
        {
            json.WriteStartObject();
            json.WriteString("kind", e.Kind.Name);
            json.WriteNumber("start_s", e.StartSeconds);
            json.WriteNumber("end_s", e.EndSeconds);
            json.WriteStartArray("agents");
            foreach (var agent in e.Agents)
            {
                json.WriteStringValue(agent.Value);
            }

            json.WriteEndArray();
            json.WriteStartObject("evidence");
            foreach (var (name, value) in e.Evidence.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteNumber(json, name, value);
            }

            json.WriteEndObject();
            json.WriteString("summary", e.Summary);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in evaluation.Diagnostics)
        {
            json.WriteStringValue(diagnostic);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes a number property: null as <c>null</c>, ±∞ as the strings <c>"Infinity"</c> / <c>"-Infinity"</c>.</summary>
    /// <param name="json">A writer positioned inside an object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case double v when double.IsPositiveInfinity(v):
                json.WriteString(name, "Infinity");
                break;
            case double v when double.IsNegativeInfinity(v):
                json.WriteString(name, "-Infinity");
                break;
            case double v when double.IsNaN(v):
                // Judging treats NaN as inconclusive; the document keeps it visible instead of failing to serialize.
                json.WriteString(name, "NaN");
                break;
            case double v:
                json.WriteNumber(name, v);
                break;
        }
    }
}
