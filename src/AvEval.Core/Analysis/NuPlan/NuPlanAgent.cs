using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>Another road user at one instant, as nuPlan's rules see it: a box and a speed along its heading.</summary>
/// <param name="Id">The agent's track.</param>
/// <param name="Kind">Vehicle, pedestrian, cyclist or other (a static object in nuPlan's terms).</param>
/// <param name="Box">Its box (centre, heading, length, width) in the scene frame.</param>
/// <param name="Speed">Its speed in m/s.</param>
public readonly record struct NuPlanAgent(TrackId Id, AgentKind Kind, OrientedBox Box, double Speed);
