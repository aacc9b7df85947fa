using System.Globalization;
using AvEval.Import.Comma2k19;
using AvEval.Scenes;

namespace AvEval.Tests.Import.Comma2k19;

public sealed class Comma2k19ImporterTests
{
    public static string Segment => Path.Combine(RepoPaths.Logs, "comma2k19", "b0c9d2329ad1606b_2018-08-02--08-34-47", "40");

    [Fact]
    public void Import_InRepoSegment_Is60SecondsAt10Hz()
    {
        // SOURCE.md: 60.0 s of CAN speed (first sample at boot time 46408.5895 s, last 46468.5776 s); global_pose ends
        // at 46468.4967 s, so frames run to floor((46468.4967 − 46408.5895) / 0.1) = 599: 600 frames.
        var scene = new Comma2k19Importer().Import(Segment);

        scene.TimeBase.ShouldBe(new TimeBase(0, 0.1, 600));
        scene.TimeBase.EndSeconds.ShouldBe(60.0, 1e-9);
        scene.RecordedEgo.ShouldBe(Comma2k19Importer.Ego);
        scene.Lanes.Lanes.ShouldBeEmpty();
    }

    [Fact]
    public void Import_InRepoSegment_EgoSpeedSpansTheSourceMdRange()
    {
        // SOURCE.md: CAN speed 7.97–19.84 m/s; at 10 Hz the extreme samples may fall between frames (±0.05 m/s).
        var ego = new Comma2k19Importer().Import(Segment)[Comma2k19Importer.Ego];

        var speeds = ego.States.ToArray().Select(s => s.Speed).ToArray();

        speeds.Min().ShouldBe(7.97, 0.05);
        speeds.Max().ShouldBe(19.84, 0.05);
        ego.States[0].Speed.ShouldBe(7.9743, 0.0001); // first CAN sample, derived/can_speed_steering.csv row 1
    }

    [Fact]
    public void Import_InRepoSegment_EgoStartsAtTheEnuOriginAndDrivesAlongItsHeading()
    {
        // ENU at the first pose: the ego is within a metre or two of the origin at frame 0 (the first pose is 42 ms
        // before the first CAN sample at ~8 m/s: 0.34 m); its displacement over one second points along its heading.
        var ego = new Comma2k19Importer().Import(Segment)[Comma2k19Importer.Ego];

        var a = ego.StateAt(300);
        var b = ego.StateAt(310);

        Math.Sqrt((ego.StateAt(0).X * ego.StateAt(0).X) + (ego.StateAt(0).Y * ego.StateAt(0).Y)).ShouldBeLessThan(1.0);
        double cos = (((b.X - a.X) * Math.Cos(a.Heading)) + ((b.Y - a.Y) * Math.Sin(a.Heading))) / Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
        cos.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void ReadSegment_InRepoSegment_KeepsSteeringAndRadarAsRecorded()
    {
        // SOURCE.md / ANALYSIS.txt: 4974 steering samples, −4.6…+2.5 deg; 10100 radar rows on 14 CAN addresses.
        var segment = new Comma2k19Importer().ReadSegment(Segment);

        segment.SteeringAngle.Values.Length.ShouldBe(4974);
        segment.SteeringAngle.Values.Min().ShouldBe(-4.6, 0.05);
        segment.SteeringAngle.Values.Max().ShouldBe(2.5, 0.05);
        segment.Radar.Count.ShouldBe(10100);
        segment.Radar.Select(r => r.Address).Distinct().Count().ShouldBe(14);
    }

    [Fact]
    public void Import_InRepoSegment_OneVehicleTrackPerRadarTrackSlot()
    {
        // 14 addresses each open a track with their first return; 131 later returns carry new_track = 1, of which one
        // is an address's first return (counted by hand with a 20-line stdlib-Python .npy parser): 14 + 131 − 1 = 144.
        var scene = new Comma2k19Importer().Import(Segment);

        var radar = scene.Tracks.Where(t => t.Id != Comma2k19Importer.Ego).ToList();

        radar.Count.ShouldBe(144);
        radar.ShouldAllBe(t => t.Kind == AgentKind.Vehicle && t.Size == Comma2k19Importer.RadarTargetSize);
        scene.Provenance.Dataset.ShouldBe("comma2k19");
        scene.Provenance.Licence.ShouldBe("MIT");
        scene.Provenance.ContentSha256.Length.ShouldBe(64);
    }

    [Fact]
    public void Import_InRepoSegment_MatchesDerivedCanSpeedCsv()
    {
        // derived/can_speed_steering.csv: t_s relative to the first CAN speed sample, speed to 4 decimals; the ego's
        // speed at frame k is the CSV's speed linearly interpolated at 0.1 k s (computed here from the CSV alone).
        var csv = File.ReadLines(RepoPaths.RequireShared("comma2k19-example", "derived", "can_speed_steering.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (T: double.Parse(f[0], CultureInfo.InvariantCulture), V: double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToArray();

        var ego = new Comma2k19Importer().Import(Segment)[Comma2k19Importer.Ego];

        for (int k = 0; k < ego.Length; k++)
        {
            double t = k * 0.1;
            int hi = Array.FindIndex(csv, r => r.T >= t);
            double expected = hi == 0 ? csv[0].V : csv[hi - 1].V + ((csv[hi].V - csv[hi - 1].V) * (t - csv[hi - 1].T) / (csv[hi].T - csv[hi - 1].T));
            ego.StateAt(k).Speed.ShouldBe(expected, 0.002, $"frame {k}");
        }
    }

    [Fact]
    public void Import_InRepoSegment_RadarTargetsSitAtTheirDerivedDistances()
    {
        // derived/radar.csv, first return of address 528 at t = −0.0019 s: 74.54 m ahead, 2.76 m right. Its track
        // starts on frame 0 (the next frame time); the target is ~74.6 m from the ego there (distances interpolated).
        var scene = new Comma2k19Importer().Import(Segment);

        var target = scene[new TrackId("radar-528-1")];
        var ego = scene[Comma2k19Importer.Ego].StateAt(target.FirstFrame);
        var state = target.StateAt(target.FirstFrame);

        target.FirstFrame.ShouldBe(0);
        double distance = Math.Sqrt(((state.X - ego.X) * (state.X - ego.X)) + ((state.Y - ego.Y) * (state.Y - ego.Y)));
        distance.ShouldBe(Math.Sqrt((74.54 * 74.54) + (2.76 * 2.76)), 1.0);
    }
}
