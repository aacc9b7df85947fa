namespace AvEval.Reports.Model;

/// <summary>One behaviour's paired comparison over its non-flaky pairs (<see cref="Tracking.Comparison.BehaviorComparison"/>).</summary>
/// <param name="Behavior">The behaviour.</param>
/// <param name="Pairs">Paired, non-flaky scenarios.</param>
/// <param name="Flaky">Paired scenarios left out as flaky.</param>
/// <param name="BaselinePasses">Pairs the baseline passed.</param>
/// <param name="CandidatePasses">Pairs the candidate passed.</param>
/// <param name="BaselineRate">The baseline's pass rate, Wilson interval; null without pairs.</param>
/// <param name="CandidateRate">The candidate's pass rate, Wilson interval; null without pairs.</param>
/// <param name="NewFailures">Pairs that passed in the baseline and do not in the candidate.</param>
/// <param name="Fixed">Pairs that did not pass in the baseline and pass in the candidate.</param>
/// <param name="StillPassing">Pairs passing on both sides.</param>
/// <param name="StillFailing">Pairs passing on neither side.</param>
/// <param name="McNemarP">The exact two-sided McNemar p-value.</param>
/// <param name="PHolm">Holm-adjusted p across the behaviours with discordant pairs.</param>
/// <param name="QBh">Benjamini–Hochberg q across the same family.</param>
/// <param name="Change">Candidate pass rate − baseline pass rate (a fraction); null without pairs.</param>
/// <param name="ChangeInterval">Newcombe's paired interval of <paramref name="Change"/>; null without pairs.</param>
public sealed record ReportBehavior(
    string Behavior,
    int Pairs,
    int Flaky,
    int BaselinePasses,
    int CandidatePasses,
    ReportInterval? BaselineRate,
    ReportInterval? CandidateRate,
    int NewFailures,
    int Fixed,
    int StillPassing,
    int StillFailing,
    double McNemarP,
    double PHolm,
    double QBh,
    double? Change,
    ReportInterval? ChangeInterval);
