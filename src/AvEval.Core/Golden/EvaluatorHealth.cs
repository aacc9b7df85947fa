namespace AvEval.Golden;

/// <summary>
/// The health of one learned evaluator version against one golden set: its certification as recorded, and the agreement of
/// its thresholded probabilities with the set's adjudicated labels, recounted from the set's items.
/// </summary>
/// <param name="Evaluator">The evaluator id (<c>hard_braking_detector</c>).</param>
/// <param name="Version">Its version (<c>1.0.0</c>).</param>
/// <param name="Behaviour">The behaviour it judges (its card's task).</param>
/// <param name="GoldenSet">The golden set's name; null when the evaluator was never certified.</param>
/// <param name="GoldenSetVersion">The set's version as the certification recorded it; null with <paramref name="GoldenSet"/>.</param>
/// <param name="Status"><c>certified</c>, <c>refused</c>, <c>stale</c> (model or set changed since, or no label basis recorded) or <c>uncertified</c>.</param>
/// <param name="Reason">One sentence: the certification's reason, or why it is stale or missing.</param>
/// <param name="LabelBasis">What the labels are: <c>human</c>, <c>rule-derived</c>, <c>model</c> or <c>mixed (…)</c>; null when not recorded.</param>
/// <param name="Statistic">The certified agreement statistic (<c>cohen_kappa</c>); null when never certified.</param>
/// <param name="StatisticValue">Its value as certified.</param>
/// <param name="StatisticLower95">Its certified 95% interval's lower bound.</param>
/// <param name="StatisticUpper95">Its upper bound.</param>
/// <param name="Ece">Expected calibration error as certified (15 equal-width bins).</param>
/// <param name="Items">Items with a resolved label that were scored now (0 when not scored).</param>
/// <param name="Agreements">Of those, items where the probability thresholded at <paramref name="Threshold"/> equals the label.</param>
/// <param name="Threshold">The probability threshold of a positive (0.5, as certification uses).</param>
/// <param name="Reliability">The reliability diagram: 10 equal-width probability bins, empty bins left out; empty when not scored.</param>
/// <param name="Note">Why the items were not scored (the golden set is missing, say); null when they were.</param>
public sealed record EvaluatorHealth(
    string Evaluator,
    string Version,
    string Behaviour,
    string? GoldenSet,
    string? GoldenSetVersion,
    string Status,
    string Reason,
    string? LabelBasis,
    string? Statistic,
    double? StatisticValue,
    double? StatisticLower95,
    double? StatisticUpper95,
    double? Ece,
    int Items,
    int Agreements,
    double Threshold,
    IReadOnlyList<ReliabilityBin> Reliability,
    string? Note);
