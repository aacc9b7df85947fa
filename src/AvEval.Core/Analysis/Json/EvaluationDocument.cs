namespace AvEval.Analysis.Json;

/// <summary>One evaluation in a document: the ego, the analyzers that ran, metrics, events and diagnostics (errors start with <c>error: </c>).</summary>
/// <param name="Ego">The ego track id.</param>
/// <param name="Analyzers">Ids of the analyzers that contributed.</param>
/// <param name="Metrics">Metrics in report order.</param>
/// <param name="Events">Events in start-time order.</param>
/// <param name="Diagnostics">Notes and errors from the analyzers.</param>
public sealed record EvaluationDocument(
    string Ego,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<MetricDocument> Metrics,
    IReadOnlyList<EventDocument> Events,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>The document of an evaluation.</summary>
    public static EvaluationDocument From(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new EvaluationDocument(
            evaluation.Ego.Value,
            evaluation.Analyzers,
            [.. evaluation.Metrics.Select(m => new MetricDocument(m.Name, m.Value, m.Unit.Symbol, m.Definition, m.Reason))],
            [.. evaluation.Events.Select(EventDocument.From)],
            evaluation.Diagnostics);
    }
}
