namespace AvEval.Candidates;

/// <summary>What a longitudinal planner sees at one decision.</summary>
/// <param name="TimeSeconds">Log time, s.</param>
/// <param name="Speed">The ego's speed along its path, m/s; never negative.</param>
/// <param name="ArcLength">How far the ego has driven along its path since the window start, m.</param>
/// <param name="Lead">The agent ahead on the path, if any within the lookahead.</param>
public readonly record struct PlannerSituation(double TimeSeconds, double Speed, double ArcLength, LeadVehicle? Lead);
