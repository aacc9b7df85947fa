using AvEval.Scenes;

namespace AvEval.Analysis.Json;

/// <summary>The document of <c>aveval analyze --format json</c>: format <see cref="EvaluationJsonWriter.Format"/>, the scene and one entry per analyzed ego.</summary>
/// <param name="Format">The format id, <c>aveval.analysis/1</c>.</param>
/// <param name="Scene">The analyzed scene.</param>
/// <param name="Drives">One evaluation per analyzed ego, in track order.</param>
public sealed record AnalysisDocument(string Format, SceneSummary Scene, IReadOnlyList<EvaluationDocument> Drives)
{
    /// <summary>The document for a scene and its evaluations.</summary>
    public static AnalysisDocument From(Scene scene, IReadOnlyList<Evaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        return new AnalysisDocument(EvaluationJsonWriter.Format, SceneSummary.From(scene), [.. evaluations.Select(EvaluationDocument.From)]);
    }
}
