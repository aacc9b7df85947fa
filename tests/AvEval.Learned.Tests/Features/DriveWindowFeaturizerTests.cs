using AvEval.Analysis;
using AvEval.Learned.Features;
using AvEval.Scenes;

namespace AvEval.Learned.Tests.Features;

public sealed class DriveWindowFeaturizerTests
{
    private static readonly TrackId Ego = new("ego");

    /// <summary>
    /// The ego drives at 10 m/s with recorded acceleration −2 m/s² along heading <paramref name="heading"/>; another
    /// vehicle is 20 m ahead and 3.5 m to the ego's left, 2 m/s faster, for the whole scene. No lane map.
    /// </summary>
    private static Drive Straight(int frames, double heading = 0)
    {
        var forward = (X: Math.Cos(heading), Y: Math.Sin(heading));
        var left = (X: -Math.Sin(heading), Y: Math.Cos(heading));
        var ego = new List<AgentState>();
        var other = new List<AgentState>();
        for (int k = 0; k < frames; k++)
        {
            double s = k;
            ego.Add(new AgentState(s * forward.X, s * forward.Y, heading, 10 * forward.X, 10 * forward.Y, -2 * forward.X, -2 * forward.Y));
            double ox = ((s + 20) * forward.X) + (3.5 * left.X), oy = ((s + 20) * forward.Y) + (3.5 * left.Y);
            other.Add(new AgentState(ox, oy, heading, 12 * forward.X, 12 * forward.Y));
        }

        var tracks = new[]
        {
            new Track(Ego, AgentKind.Vehicle, "car", new BoxSize(4.5, 1.8), 0, ego, hasAcceleration: true),
            new Track(new TrackId("other"), AgentKind.Vehicle, "car", new BoxSize(4.5, 1.8), 0, other, hasAcceleration: false),
        };
        return new Drive(new Scene("hand-built", new TimeBase(0, 0.1, frames), tracks, LaneGraph.Empty, new Provenance("test", "n/a", "memory", "0")), Ego);
    }

    private static int Column(string name) => DriveWindowFeaturizer.Definitions.Single(d => d.Name == name).Index;

    [Fact]
    public void Featurize_ThirtyFrames_ThreeWindowsEveryFiveFrames()
    {
        // Windows of 20 frames every 5 inside 30 frames start at frames 0, 5 and 10: (30 − 20) / 5 + 1 = 3.
        var drive = Straight(30);

        var features = DriveWindowFeaturizer.Featurize(drive);

        features.Rows.ShouldBe(3);
        features.WindowStartFrames.ShouldBe([0, 5, 10]);
        features.WindowStartSeconds[2].ShouldBe(1.0, 1e-12);
        features.Values.Length.ShouldBe(3 * DriveWindowFeaturizer.Columns);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(Math.PI / 2)]
    [InlineData(-2.5)]
    public void Featurize_NeighbourAheadLeft_IsInEgoFrameWhateverTheHeading(double heading)
    {
        var drive = Straight(30, heading);

        var row = DriveWindowFeaturizer.Featurize(drive).Row(1);

        row[Column("ego.speed[00]")].ShouldBe(10f, 1e-5f);
        row[Column("ego.accel_lon[19]")].ShouldBe(-2f, 1e-5f);
        row[Column("near0.present@middle")].ShouldBe(1f);
        row[Column("near0.x@middle")].ShouldBe(20f, 1e-4f);
        row[Column("near0.y@middle")].ShouldBe(3.5f, 1e-4f);
        row[Column("near0.vx@end")].ShouldBe(2f, 1e-4f);
        row[Column("near0.vy@end")].ShouldBe(0f, 1e-4f);
        row[Column("near1.present@middle")].ShouldBe(0f);
    }

    [Fact]
    public void Featurize_NoLaneMap_LeadAbsentWithCappedGap()
    {
        var drive = Straight(30);

        var row = DriveWindowFeaturizer.Featurize(drive).Row(0);

        row[Column("lead.present@start")].ShouldBe(0f);
        row[Column("lead.gap@start")].ShouldBe((float)DriveWindowFeaturizer.LeadLookahead);
        row[Column("ego.in_lane@end")].ShouldBe(0f);
    }

    [Fact]
    public void Featurize_TrackShorterThanWindow_NoRowsAndReason()
    {
        var drive = Straight(12);

        var features = DriveWindowFeaturizer.Featurize(drive);

        features.Rows.ShouldBe(0);
        features.Reason.ShouldBe("the ego track 'ego' has 12 frames, fewer than one window of 20 frames");
    }

    [Fact]
    public void LongitudinalAcceleration_NoRecordedAcceleration_CentralDifferenceOfSpeed()
    {
        // Speeds 10, 11, 13 at 0.1 s: central difference at k=1 is (13 − 10) / 0.2 = 15; ends one-sided: 10 and 20.
        double[] speeds = [10.0, 11.0, 13.0];
        var states = speeds.Select((v, k) => new AgentState(k, 0, 0, v, 0)).ToList();
        var track = new Track(Ego, AgentKind.Vehicle, "car", new BoxSize(4, 2), 0, states, hasAcceleration: false);

        var a = DriveWindowFeaturizer.LongitudinalAcceleration(track, 0.1);

        a[0].ShouldBe(10, 1e-9);
        a[1].ShouldBe(15, 1e-9);
        a[2].ShouldBe(20, 1e-9);
    }

    [Fact]
    public void Definitions_OnePerColumn_NamesUnique()
    {
        var definitions = DriveWindowFeaturizer.Definitions;

        definitions.Count.ShouldBe(DriveWindowFeaturizer.Columns);
        definitions.Select(d => d.Name).Distinct().Count().ShouldBe(DriveWindowFeaturizer.Columns);
        definitions.Select(d => d.Index).ShouldBe(Enumerable.Range(0, DriveWindowFeaturizer.Columns));
    }
}
