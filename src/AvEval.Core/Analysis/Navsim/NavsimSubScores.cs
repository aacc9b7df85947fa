namespace AvEval.Analysis.Navsim;

/// <summary>
/// The sub-scores NAVSIM's <c>PDMScorer</c> combines, each in [0, 1]. Null means the sub-score could not be measured on
/// this drive; <see cref="NavsimScore"/> then leaves it out where NAVSIM's code does (the two-frame extended comfort)
/// and otherwise gives no score.
/// </summary>
/// <param name="NoAtFaultCollision">NC: 1, 0.5 (at fault with a static object) or 0 (with an agent).</param>
/// <param name="DrivableAreaCompliance">DAC: 1 or 0.</param>
/// <param name="DrivingDirectionCompliance">DDC: 1, 0.5 or 0 (EPDMS multiplier; weight 0 in NAVSIM v1's PDMS).</param>
/// <param name="TrafficLightCompliance">TLC: 1 or 0; null where the data carries no signal states.</param>
/// <param name="EgoProgress">EP: the drive's progress normalised as <see cref="NavsimScore.NormalizeProgress"/>.</param>
/// <param name="TimeToCollision">TTC: 1 or 0.</param>
/// <param name="LaneKeeping">LK: 1 or 0 (EPDMS).</param>
/// <param name="HistoryComfort">HC: 1 or 0 (EPDMS); NAVSIM v1's comfort C reads the same bounds.</param>
/// <param name="ExtendedComfort">EC: the two-frame extended comfort, 1 or 0 (EPDMS); null when there is no previous frame's plan.</param>
public sealed record NavsimSubScores(
    double? NoAtFaultCollision,
    double? DrivableAreaCompliance,
    double? DrivingDirectionCompliance,
    double? TrafficLightCompliance,
    double? EgoProgress,
    double? TimeToCollision,
    double? LaneKeeping,
    double? HistoryComfort,
    double? ExtendedComfort);
