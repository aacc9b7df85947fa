namespace AvEval.Reports.Model;

/// <summary>One learned evaluator version against one golden set (see <see cref="Golden.EvaluatorHealth"/>).</summary>
/// <param name="Evaluator">The evaluator id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Behaviour">The behaviour it judges.</param>
/// <param name="GoldenSet">The golden set; null when never certified.</param>
/// <param name="GoldenSetVersion">The set's version as certified.</param>
/// <param name="Status"><c>certified</c>, <c>refused</c>, <c>stale</c> or <c>uncertified</c>.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="LabelBasis"><c>human</c>, <c>rule-derived</c>, <c>model</c> or <c>mixed (…)</c>; null when not recorded.</param>
/// <param name="Statistic">The certified agreement statistic (<c>cohen_kappa</c>).</param>
/// <param name="StatisticValue">Its certified value.</param>
/// <param name="StatisticInterval">Its certified 95% interval (bootstrap, as the card records it).</param>
/// <param name="Ece">Certified expected calibration error.</param>
/// <param name="Items">Golden items with a resolved label, scored for this report.</param>
/// <param name="Agreements">Items where the thresholded probability equals the label.</param>
/// <param name="AgreementRate"><paramref name="Agreements"/> / <paramref name="Items"/>; null without items.</param>
/// <param name="AgreementInterval">Its 95% Wilson interval.</param>
/// <param name="Threshold">The probability threshold of a positive.</param>
/// <param name="Reliability">The reliability diagram's non-empty bins.</param>
/// <param name="Note">Why the items were not scored; null when they were.</param>
public sealed record ReportEvaluatorHealth(
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
    ReportInterval? StatisticInterval,
    double? Ece,
    int Items,
    int Agreements,
    double? AgreementRate,
    ReportInterval? AgreementInterval,
    double Threshold,
    IReadOnlyList<ReportReliabilityBin> Reliability,
    string? Note);
