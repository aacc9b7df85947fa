using System.Text.Json;
using AvEval.Analysis;
using AvEval.Scenes;

namespace AvEval.Cli.Output;

/// <summary>
/// Writes <c>aveval analyze --format json</c>: one document with a format version, the scene summary and one entry per
/// analyzed ego. Infinite values (no TTC) are written as the strings <c>"Infinity"</c> / <c>"-Infinity"</c>; a metric
/// without a value has <c>"value": null</c> and a <c>reason</c>.
/// </summary>
internal static class AnalysisJsonWriter
{
    /// <summary>The format id written into every document; bump it on any breaking change.</summary>
    public const string Format = "aveval.analysis/1";

    /// <summary>Writes the document.</summary>
    public static void Write(TextWriter output, Scene scene, IReadOnlyList<Evaluation> evaluations)
    {
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

    private static void WriteScene(Utf8JsonWriter json, Scene scene)
    {
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

    private static void WriteEvaluation(Utf8JsonWriter json, Evaluation evaluation)
    {
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

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
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
            case double v:
                json.WriteNumber(name, v);
                break;
        }
    }
}
