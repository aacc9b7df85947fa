namespace AvEval.Learned.Registry;

/// <summary>
/// One certification of an evaluator version for a behaviour, as <c>aveval golden certify</c> writes it into the model
/// card: certified when the lower 95% bound of the agreement with the golden set's adjudicated labels (of the kind
/// <paramref name="LabelBasis"/> says) reaches
/// <paramref name="MinAgreementLower95"/> and the expected calibration error stays under
/// <paramref name="MaxCalibrationError"/>. It is current only while <paramref name="ModelSha256"/> and the golden set's
/// hashes are those of the files in the repository (see <see cref="Certification.CertificationCheck"/>).
/// </summary>
/// <param name="Behaviour">The behaviour certified, e.g. <c>hard_braking</c>.</param>
/// <param name="GoldenSet">The golden set and its hashes.</param>
/// <param name="Statistic">The agreement statistic, e.g. <c>cohen_kappa</c>.</param>
/// <param name="Value">The agreement on all compared items.</param>
/// <param name="Ci95">Its 95% bootstrap interval [lower, upper].</param>
/// <param name="Ece">Expected calibration error of the window probability against the adjudicated label (15 equal-width bins).</param>
/// <param name="EceCi95">Its 95% bootstrap interval [lower, upper].</param>
/// <param name="MinAgreementLower95">The manifest's threshold on the agreement's lower bound.</param>
/// <param name="MaxCalibrationError">The manifest's threshold on the ECE (the ECE must stay under it).</param>
/// <param name="Items">Items compared (adjudicated).</param>
/// <param name="Unresolved">Items left out because their adjudication is unresolved (ties).</param>
/// <param name="Certified">Whether both conditions hold.</param>
/// <param name="Reason">One sentence: why certified or refused.</param>
/// <param name="ModelSha256">SHA-256 of the model file the numbers were computed with.</param>
/// <param name="Bootstrap">How the intervals were computed, e.g. <c>bca, 2000 resamples of items, seed 0</c>.</param>
/// <param name="Date">When it was computed (UTC).</param>
/// <param name="TrainingSceneItems">Compared items from scenes the model was trained on: in-sample for the model, counted like the others.</param>
/// <param name="HeldOutValue">The agreement on the compared items from the other scenes only (a diagnostic, not certified on); null when there are none or it is undefined.</param>
/// <param name="LabelBasis">
/// What kind of labels the certification rests on, from the raters' kinds (<see cref="Golden.ReferenceLabels.Basis"/>):
/// <c>human</c>, <c>rule-derived</c>, <c>model</c> or <c>mixed (…)</c>. A certification on rule-derived ("silver")
/// labels says that the evaluator reproduces the rules, not people. Null in cards written before it was recorded; the
/// gate treats those as stale.
/// </param>
/// <param name="Reference">How the reference labels were formed, e.g. <c>adjudicated (majority)</c>; null in older cards.</param>
/// <param name="ReferenceRaters">The raters whose labels the reference rests on; null in older cards.</param>
public sealed record ModelCertification(
    string Behaviour,
    GoldenSetReference GoldenSet,
    string Statistic,
    double Value,
    IReadOnlyList<double> Ci95,
    double Ece,
    IReadOnlyList<double> EceCi95,
    double MinAgreementLower95,
    double MaxCalibrationError,
    int Items,
    int Unresolved,
    bool Certified,
    string Reason,
    string ModelSha256,
    string Bootstrap,
    DateTimeOffset Date,
    int TrainingSceneItems = 0,
    double? HeldOutValue = null,
    string? LabelBasis = null,
    string? Reference = null,
    IReadOnlyList<string>? ReferenceRaters = null);
