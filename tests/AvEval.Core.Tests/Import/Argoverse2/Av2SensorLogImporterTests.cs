using AvEval.Import.Argoverse2;
using AvEval.Scenes;

namespace AvEval.Tests.Import.Argoverse2;

public sealed class Av2SensorLogImporterTests
{
    [Theory]
    [MemberData(nameof(Av2Paths.SensorLogs), MemberType = typeof(Av2Paths))]
    public void ImportLog_SharedLog_ReproducesDerivedTracksAtPrintedPrecision(string logId)
    {
        // derived/tracks: t_s = sweep time − first sweep time (3 decimals), x/y to 3 decimals, sizes to 2, ego yaw to 4.
        var rows = DerivedCsv.Tracks("av2-sensor-" + logId);

        var log = new Av2SensorLogImporter().ImportLog(Av2Paths.SensorLog(logId));

        var scene = log.Scene;
        scene.Tracks.Select(t => t.Id.Value).Order().ShouldBe(rows.Select(r => r.TrackId).Distinct().Order());
        scene.Tracks.Sum(t => t.Length).ShouldBe(rows.Count);
        var sweeps = log.SweepTimestampsNs;
        foreach (var row in rows)
        {
            var at = $"{row.TrackId} t={row.T}";
            int frame = Enumerable.Range(0, sweeps.Count).Single(k => Math.Abs(((sweeps[k] - sweeps[0]) * 1e-9) - row.T) <= 0.0005 + 1e-9);
            var track = scene[new TrackId(row.TrackId)];
            var state = track.StateAt(frame);
            state.X.ShouldBe(row.X, 0.0005 + 1e-9, at);
            state.Y.ShouldBe(row.Y, 0.0005 + 1e-9, at);
            track.Kind.ToString().ToLowerInvariant().ShouldBe(row.Kind, at);
            (scene.RecordedEgo == track.Id).ShouldBe(row.IsEgo, at);
            if (row.IsEgo)
            {
                state.Heading.ShouldBe(row.Yaw!.Value, 0.00005 + 1e-9, at);
            }
            else
            {
                track.SourceType.ShouldBe(row.SourceType, at);
                track.Size.Length.ShouldBe(row.Length!.Value, 0.005 + 1e-9, at);
                track.Size.Width.ShouldBe(row.Width!.Value, 0.005 + 1e-9, at);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Av2Paths.SensorLogs), MemberType = typeof(Av2Paths))]
    public void ImportLog_SharedLog_ReproducesDerivedLanes(string logId)
    {
        var rows = DerivedCsv.Lanes("av2-sensor-" + logId);

        var scene = new Av2SensorLogImporter().Import(Av2Paths.SensorLog(logId));

        LaneAssert.SameAsDerived(scene.Lanes, rows);
    }

    [Fact]
    public void ImportLog_Adcf7d18_HasTheSourceFactsAndListsShortTracks()
    {
        // ANALYSIS.txt: 156 annotated sweeps, 12078 annotation rows over 146 track_uuids; the four BOLLARDs seen on one
        // or two sweeps (5 rows, found by grouping the rows by track_uuid) are left out: 142 + ego.
        var log = new Av2SensorLogImporter().ImportLog(Av2Paths.SensorLog("adcf7d18-0510-35b0-a2fa-b4cea13a6d76"));

        log.Scene.TimeBase.ShouldBe(new TimeBase(0, 0.1, 156));
        log.Scene.Tracks.Count.ShouldBe(143);
        log.Scene.Tracks.Sum(t => t.Length).ShouldBe(12078 - 5 + 156);
        log.ShortTracks.Select(t => t.Value).ShouldBe(
            ["2538930a-0259-4b40-9775-261209fccff2", "baed5663-656b-4d0d-910d-aadd5aef530f", "4270793a-3a52-41f2-b4a9-3a93cadea2c8", "8a5c8ef2-8257-4fc4-936a-f1c4f300366a"],
            ignoreOrder: true);
        log.Scene.RecordedEgo.ShouldBe(Av2SensorLogImporter.Ego);
        log.Scene[Av2SensorLogImporter.Ego].Size.ShouldBe(Av2ObjectTypes.EgoVehicle);
        log.Scene.Provenance.Dataset.ShouldBe("Argoverse 2 sensor");
        log.Scene.Provenance.Licence.ShouldBe("CC BY-NC-SA 4.0");
    }

    [Fact]
    public void ImportLog_LogWithEgoAnnotations_TakesEgoSizeFromTheEgoCuboid()
    {
        // annotations_with_ego.feather of 3b3570b4: EGO_VEHICLE cuboids of 4.877 × 2.0 m at tx = ty = 0.
        var scene = new Av2SensorLogImporter().Import(Av2Paths.SensorLog("3b3570b4-7b0b-3268-a571-b0889dbf40b6"));

        scene[Av2SensorLogImporter.Ego].Size.ShouldBe(new BoxSize(4.877, 2.0));
        scene.Tracks.ShouldNotContain(t => t.SourceType == "EGO_VEHICLE" && t.Id != Av2SensorLogImporter.Ego);
    }

    [Fact]
    public void ImportLog_Ego_VelocityIsCentralDifferenceOfPosesOnSweepTimes()
    {
        // Independent check on frame 50 of adcf7d18: (p51 − p49) / (t51 − t49) from the scene's own positions
        // and the raw sweep timestamps; and the speed stays within ANALYSIS.txt's ego range 0.0–5.45 m/s (+ noise).
        var log = new Av2SensorLogImporter().ImportLog(Av2Paths.SensorLog("adcf7d18-0510-35b0-a2fa-b4cea13a6d76"));
        var ego = log.Scene[Av2SensorLogImporter.Ego];
        double dt = (log.SweepTimestampsNs[51] - log.SweepTimestampsNs[49]) * 1e-9; // exact in ns, then seconds

        var v = ego.StateAt(50);

        v.Vx.ShouldBe((ego.StateAt(51).X - ego.StateAt(49).X) / dt, 1e-9);
        v.Vy.ShouldBe((ego.StateAt(51).Y - ego.StateAt(49).Y) / dt, 1e-9);
        ego.States.ToArray().Max(s => s.Speed).ShouldBeLessThan(6.0);
    }

    [Fact]
    public void Import_LogWithIntersectionsInItsMap_MarksExactlyTheIntersectionSegments()
    {
        // Independent count (Python's json module over the map's lane_segments): 48 of the 150 segments of
        // log_map_archive_3b3570b4-...____MIA_city_47894.json have "is_intersection": true.
        var scene = new Av2SensorLogImporter().Import(Av2Paths.SensorLog("3b3570b4-7b0b-3268-a571-b0889dbf40b6"));

        scene.Lanes.Lanes.Count.ShouldBe(150);
        scene.Lanes.Lanes.Count(l => l.IsIntersection).ShouldBe(48);
    }
}
