namespace AvEval.Golden;

/// <summary>What an evaluator must reach on a golden set to be certified for a behaviour.</summary>
/// <param name="Behaviour">The behaviour, e.g. <c>hard_braking</c>.</param>
/// <param name="Statistic">The agreement statistic whose lower 95% bound is compared, e.g. <c>cohen_kappa</c>.</param>
/// <param name="MinAgreementLower95">The lower bound of the 95% interval of agreement must reach this.</param>
/// <param name="MaxCalibrationError">The expected calibration error must stay at or under this (evaluators that report a probability).</param>
public sealed record CertificationThreshold(string Behaviour, string Statistic, double MinAgreementLower95, double MaxCalibrationError);
