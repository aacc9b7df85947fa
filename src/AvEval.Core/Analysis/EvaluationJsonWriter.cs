using System.Text.Json;
using AvEval.Analysis.Json;
using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// Writes evaluations as JSON through the one source-generated serializer (<see cref="AnalysisJson"/>): the document of
/// <c>aveval analyze --format json</c> (<see cref="AnalysisDocument"/>), and the same scene and evaluation objects inside
/// other documents (the evaluation a scenario test attaches to its result). Infinite values (no TTC) and NaN are written
/// as the strings <c>"Infinity"</c> / <c>"-Infinity"</c> / <c>"NaN"</c>; a metric without a value has
/// <c>"value": null</c> and a <c>reason</c>.
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
        output.WriteLine(JsonSerializer.Serialize(AnalysisDocument.From(scene, evaluations), AnalysisJson.Default.AnalysisDocument));
    }

    /// <summary>Writes the scene summary (<see cref="SceneSummary"/>) as the property <c>scene</c> of the current object.</summary>
    /// <param name="json">A writer positioned inside an object.</param>
    /// <param name="scene">The scene.</param>
    public static void WriteScene(Utf8JsonWriter json, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName("scene");
        JsonSerializer.Serialize(json, SceneSummary.From(scene), AnalysisJson.Default.SceneSummary);
    }

    /// <summary>Writes one evaluation (<see cref="EvaluationDocument"/>) as an object value.</summary>
    /// <param name="json">A writer positioned where a value may go (in an array, or after a property name).</param>
    /// <param name="evaluation">The evaluation.</param>
    public static void WriteEvaluation(Utf8JsonWriter json, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonSerializer.Serialize(json, EvaluationDocument.From(evaluation), AnalysisJson.Default.EvaluationDocument);
    }

    /// <summary>Writes a number property: null as <c>null</c>, ±∞ and NaN as the strings <c>"Infinity"</c> / <c>"-Infinity"</c> / <c>"NaN"</c>.</summary>
    /// <param name="json">A writer positioned inside an object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, value, AnalysisJson.Default.NullableDouble);
    }
}
