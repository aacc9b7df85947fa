using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>The agent the ego follows: the nearest recorded agent ahead on the ego's path.</summary>
/// <param name="Track">Its track.</param>
/// <param name="Gap">Bumper-to-bumper distance along the path from the ego's front to the agent's nearest point, m; ≤ 0 when they overlap.</param>
/// <param name="Speed">Its velocity projected on the path's direction, m/s.</param>
public readonly record struct LeadVehicle(TrackId Track, double Gap, double Speed);
