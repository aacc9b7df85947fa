using AvEval.Statistics;

namespace AvEval.Golden.Reasoning;

/// <summary>
/// One check against one corruption type: positives are the traces of that corruption, negatives the true traces.
/// Precision = TP / (TP + FP), recall = TP / positives, each with its 95% Wilson interval.
/// </summary>
/// <param name="Check">The check: <c>maneuver</c>, <c>cited</c>, <c>hazard</c>, or <c>any</c>.</param>
/// <param name="Corruption">The corruption type, snake_case.</param>
/// <param name="Positives">Traces of that corruption.</param>
/// <param name="Negatives">True traces.</param>
/// <param name="TruePositives">Corrupted traces the check flagged.</param>
/// <param name="FalsePositives">True traces the check flagged.</param>
/// <param name="Precision">TP / (TP + FP); null when the check flagged nothing.</param>
/// <param name="PrecisionInterval">Its 95% Wilson interval; null with it.</param>
/// <param name="Recall">TP / positives.</param>
/// <param name="RecallInterval">Its 95% Wilson interval.</param>
public sealed record CheckScore(
    string Check,
    string Corruption,
    int Positives,
    int Negatives,
    int TruePositives,
    int FalsePositives,
    double? Precision,
    ConfidenceInterval? PrecisionInterval,
    double Recall,
    ConfidenceInterval RecallInterval);
