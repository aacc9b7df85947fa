using AvEval.Scenes;

namespace AvEval.Import.Argoverse2;

/// <summary>An imported Argoverse 2 sensor log: its scene, and the annotated tracks left out of it and why.</summary>
/// <param name="Scene">The scene: annotated tracks and the recorded ego on the sweep time base.</param>
/// <param name="ShortTracks">Tracks annotated on fewer than <see cref="Av2SensorLogImporter.MinimumSweeps"/> sweeps, left out.</param>
/// <param name="SweepTimestampsNs">The lidar sweep timestamp of each frame, ns (frame k ↔ element k).</param>
public sealed record Av2SensorLog(Scene Scene, IReadOnlyList<TrackId> ShortTracks, IReadOnlyList<long> SweepTimestampsNs);
