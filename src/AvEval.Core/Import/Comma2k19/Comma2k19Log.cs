using AvEval.Scenes;

namespace AvEval.Import.Comma2k19;

/// <summary>An imported comma2k19 segment: its scene, and the radar tracks left out of it and why.</summary>
/// <param name="Scene">The scene: the recorded ego and its radar targets on the 10 Hz time base.</param>
/// <param name="OutOfRangeRadarTracks">Radar tracks whose returns all fall before frame 0's time or all after the last frame's time, left out.</param>
/// <param name="FrameZeroSeconds">Frame 0's time, s of device boot time (the later of the first CAN speed and the first global_pose sample).</param>
public sealed record Comma2k19Log(Scene Scene, IReadOnlyList<TrackId> OutOfRangeRadarTracks, double FrameZeroSeconds);
