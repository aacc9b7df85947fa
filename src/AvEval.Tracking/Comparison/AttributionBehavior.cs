namespace AvEval.Tracking.Comparison;

/// <summary>
/// One behaviour's pass-rate change split into a driving effect and an evaluator effect, from the 2×2 of drives
/// (D_b, D_c) and evaluators (E_b, E_c) over its attributed pairs. The change can be walked in two orders: driving
/// first (at the baseline's evaluators, then the evaluators at the candidate's drives) or evaluators first (at the
/// baseline's drives, then the driving at the candidate's evaluators). Both orders are reported; <see cref="Driving"/>
/// and <see cref="Evaluator"/> are the Shapley values, the average of the two orders, and add up to
/// <see cref="Total"/>. All rates and effects are proportions of pairs (0.01 = one percentage point).
/// </summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Pairs">Attributed pairs (paired, not flaky, not excluded).</param>
/// <param name="BaselineDrivesBaselineEvaluators">Pairs passing with (D_b, E_b).</param>
/// <param name="CandidateDrivesBaselineEvaluators">Pairs passing with (D_c, E_b).</param>
/// <param name="BaselineDrivesCandidateEvaluators">Pairs passing with (D_b, E_c).</param>
/// <param name="CandidateDrivesCandidateEvaluators">Pairs passing with (D_c, E_c).</param>
public sealed record AttributionBehavior(
    string Behavior,
    int Pairs,
    int BaselineDrivesBaselineEvaluators,
    int CandidateDrivesBaselineEvaluators,
    int BaselineDrivesCandidateEvaluators,
    int CandidateDrivesCandidateEvaluators)
{
    /// <summary>Pass rate of (D_c, E_c) − pass rate of (D_b, E_b); NaN without pairs.</summary>
    public double Total => Rate(CandidateDrivesCandidateEvaluators) - Rate(BaselineDrivesBaselineEvaluators);

    /// <summary>Driving first: rate(D_c, E_b) − rate(D_b, E_b).</summary>
    public double DrivingAtBaselineEvaluators => Rate(CandidateDrivesBaselineEvaluators) - Rate(BaselineDrivesBaselineEvaluators);

    /// <summary>Then the evaluators: rate(D_c, E_c) − rate(D_c, E_b).</summary>
    public double EvaluatorAtCandidateDrives => Rate(CandidateDrivesCandidateEvaluators) - Rate(CandidateDrivesBaselineEvaluators);

    /// <summary>Evaluators first: rate(D_b, E_c) − rate(D_b, E_b).</summary>
    public double EvaluatorAtBaselineDrives => Rate(BaselineDrivesCandidateEvaluators) - Rate(BaselineDrivesBaselineEvaluators);

    /// <summary>Then the driving: rate(D_c, E_c) − rate(D_b, E_c).</summary>
    public double DrivingAtCandidateEvaluators => Rate(CandidateDrivesCandidateEvaluators) - Rate(BaselineDrivesCandidateEvaluators);

    /// <summary>The driving effect, Shapley value: the mean of the driving effect in the two orders.</summary>
    public double Driving => (DrivingAtBaselineEvaluators + DrivingAtCandidateEvaluators) / 2;

    /// <summary>The evaluator effect, Shapley value: the mean of the evaluator effect in the two orders.</summary>
    public double Evaluator => (EvaluatorAtBaselineDrives + EvaluatorAtCandidateDrives) / 2;

    /// <summary>The interaction: how much the two orders disagree (driving effect at E_c − at E_b); 0 when the effects add.</summary>
    public double Interaction => DrivingAtCandidateEvaluators - DrivingAtBaselineEvaluators;

    private double Rate(int passes) => Pairs == 0 ? double.NaN : (double)passes / Pairs;
}
