namespace AvEval.Kinematics;

/// <summary>The vehicle an ego follows at one frame.</summary>
/// <param name="TrackIndex">Index of the lead's track in <see cref="SceneLaneIndex"/>.</param>
/// <param name="GapMetres">Bumper-to-bumper distance along the path, m: lead centre minus ego centre minus half of each length; negative when the boxes overlap along the path.</param>
/// <param name="ClosingSpeed">Ego speed along the path minus lead speed along the path, m/s; positive when closing in.</param>
/// <param name="ViaLanes">True when found through the lane graph, false when found in the corridor fallback.</param>
public readonly record struct LeadVehicle(int TrackIndex, double GapMetres, double ClosingSpeed, bool ViaLanes);
