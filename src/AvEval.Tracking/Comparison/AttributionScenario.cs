namespace AvEval.Tracking.Comparison;

/// <summary>
/// One paired scenario in the 2×2 of drives and evaluators: whether each combination passed (D = whose drive, E = whose
/// evaluators: the scenario file with its expectations and rule options, and the learned evaluator versions it pins).
/// </summary>
/// <param name="Scenario">The scenario (behaviour/id).</param>
/// <param name="Behavior">Its behaviour.</param>
/// <param name="BaselineDriveSha256">The <see cref="AttributionDriveHash"/> of the baseline candidate's regenerated drive.</param>
/// <param name="CandidateDriveSha256">The same for the candidate's drive.</param>
/// <param name="BaselineDrivesBaselineEvaluators">(D_b, E_b) passed; null when the scenario is excluded.</param>
/// <param name="CandidateDrivesBaselineEvaluators">(D_c, E_b) passed.</param>
/// <param name="BaselineDrivesCandidateEvaluators">(D_b, E_c) passed.</param>
/// <param name="CandidateDrivesCandidateEvaluators">(D_c, E_c) passed.</param>
/// <param name="Excluded">Why the scenario is left out of the behaviour's attribution (listed, not hidden); null when it is in.</param>
public sealed record AttributionScenario(
    string Scenario,
    string Behavior,
    string? BaselineDriveSha256,
    string? CandidateDriveSha256,
    bool? BaselineDrivesBaselineEvaluators,
    bool? CandidateDrivesBaselineEvaluators,
    bool? BaselineDrivesCandidateEvaluators,
    bool? CandidateDrivesCandidateEvaluators,
    string? Excluded);
