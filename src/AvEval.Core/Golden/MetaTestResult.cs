namespace AvEval.Golden;

/// <summary>An evaluator checked against a golden set.</summary>
/// <param name="GoldenSet">The set's name.</param>
/// <param name="GoldenSetVersion">The set's version.</param>
/// <param name="Behaviour">The behaviour certified.</param>
/// <param name="Reference">
/// What the evaluator was compared with: <c>adjudicated (majority)</c>, a rater id, or for a rater of the set checked by
/// leave-one-rater-out, the other raters' adjudicated labels or the one other rater (<see cref="GoldenSetMetaTest.RunLeaveOneRaterOut"/>).
/// </param>
/// <param name="Statistic">The agreement statistic's name.</param>
/// <param name="Items">Items compared.</param>
/// <param name="Excluded">Items left out because the reference has no label for them (unresolved ties).</param>
/// <param name="Agreement">The agreement with its 95% interval.</param>
/// <param name="Threshold">The manifest's threshold for the behaviour.</param>
/// <param name="Certified">Whether the lower 95% bound reaches the threshold with the statistic the manifest names.</param>
/// <param name="Message">One sentence saying why certified or refused, and against what kind of labels.</param>
/// <param name="Labels">The raters the reference rests on and their kinds (human, rule-derived, model).</param>
public sealed record MetaTestResult(
    string GoldenSet,
    string GoldenSetVersion,
    string Behaviour,
    string Reference,
    string Statistic,
    int Items,
    int Excluded,
    AgreementEstimate Agreement,
    CertificationThreshold Threshold,
    bool Certified,
    string Message,
    ReferenceLabels Labels);
