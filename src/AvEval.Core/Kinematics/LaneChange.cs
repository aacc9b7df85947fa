namespace AvEval.Kinematics;

/// <summary>A track's move from one lane to a same-direction neighbour, confirmed by hysteresis.</summary>
/// <param name="TrackIndex">Index of the track in <see cref="SceneLaneIndex"/>.</param>
/// <param name="FromLane">Lane index before the change.</param>
/// <param name="ToLane">Lane index after the change.</param>
/// <param name="Side">Which way it moved.</param>
/// <param name="EntryFrame">Scene frame of the first sample in the new lane.</param>
/// <param name="ConfirmFrame">Scene frame at which the new lane had held for the minimum time.</param>
public readonly record struct LaneChange(int TrackIndex, int FromLane, int ToLane, LaneSide Side, int EntryFrame, int ConfirmFrame);
