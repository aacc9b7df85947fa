using AvEval.Scenes;

namespace AvEval.Reasoning;

/// <summary>An agent a reasoning step names as a cause, with what the step states about it.</summary>
/// <param name="Agent">The agent's track id as the step names it (it may not exist: that is what a check finds).</param>
/// <param name="Role">Why it is cited, e.g. <c>lead</c>, <c>lead (old lane)</c>, <c>target lead</c>, <c>cut-in</c>.</param>
/// <param name="DistanceMetres">The stated bumper-to-bumper distance ahead of the ego's front, m; null when not stated.</param>
/// <param name="ClosingSpeedMps">The stated closing speed (ego speed − agent speed along the ego's heading), m/s; null when not stated.</param>
public sealed record CitedAgent(TrackId Agent, string Role, double? DistanceMetres = null, double? ClosingSpeedMps = null);
