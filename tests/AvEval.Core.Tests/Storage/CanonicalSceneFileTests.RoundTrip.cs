using AvEval.Geometry;
using AvEval.Import.Comma2k19;
using AvEval.Import.CommonRoad;
using AvEval.Scenes;
using AvEval.Storage;
using CsCheck;

namespace AvEval.Tests.Storage;

/// <summary>
/// The lossless round trip the README claims: write then read gives the same scene, every double bit-equal (so -0.0,
/// subnormals and the last bit of every coordinate survive), lanes, links, intersection flags, recorded ego and provenance.
/// </summary>
public sealed partial class CanonicalSceneFileTests
{
    public static TheoryData<string> InRepoSceneNames { get; } = new(InRepoScenes.Select(f => Path.GetRelativePath(RepoPaths.Logs, f)));

    public static TheoryData<string> OriginalXmlNames { get; } = new(
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original"), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(InRepoSceneNames))]
    public void WriteRead_EveryInRepoScene_RoundTripsExactly(string relative)
    {
        var original = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, relative));

        var back = RoundTrip(original);

        back.ShouldMatch(original);
        ShouldBeBitEqual(back, original);
    }

    [Theory]
    [MemberData(nameof(OriginalXmlNames))]
    public void WriteRead_EveryInRepoCommonRoadOriginal_RoundTripsExactly(string name)
    {
        var original = new CommonRoadImporter().Import(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", name));

        var back = RoundTrip(original);

        back.ShouldMatch(original);
        ShouldBeBitEqual(back, original);
    }

    [Fact]
    public void WriteRead_InRepoComma2k19Segment_RoundTripsExactly()
    {
        var original = new Comma2k19Importer().Import(Path.Combine(RepoPaths.Logs, "comma2k19", "b0c9d2329ad1606b_2018-08-02--08-34-47", "40"));

        var back = RoundTrip(original);

        back.RecordedEgo.ShouldBe(Comma2k19Importer.Ego);
        back.ShouldMatch(original);
        ShouldBeBitEqual(back, original);
    }

    [Fact]
    public void WriteRead_GeneratedScenesWithinTheLimits_RoundTripExactly()
    {
        GenScene.Sample(original =>
        {
            var back = RoundTrip(original);

            back.ShouldMatch(original);
            ShouldBeBitEqual(back, original);
        }, iter: 60, threads: 1);
    }

    private static Scene RoundTrip(Scene scene)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf(scene.Id + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(scene, path);
        return CanonicalSceneFile.Read(path);
    }

    /// <summary>Compares every double by its bits: record equality treats 0.0 and -0.0 as equal, the file must not.</summary>
    private static void ShouldBeBitEqual(Scene actual, Scene expected)
    {
        BitConverter.DoubleToInt64Bits(actual.TimeBase.StartSeconds).ShouldBe(BitConverter.DoubleToInt64Bits(expected.TimeBase.StartSeconds));
        BitConverter.DoubleToInt64Bits(actual.TimeBase.StepSeconds).ShouldBe(BitConverter.DoubleToInt64Bits(expected.TimeBase.StepSeconds));
        for (var t = 0; t < expected.Tracks.Count; t++)
        {
            var (a, e) = (actual.Tracks[t], expected.Tracks[t]);
            Bits(a.Size.Length, a.Size.Width).ShouldBe(Bits(e.Size.Length, e.Size.Width), $"track '{e.Id}' box");
            for (var k = 0; k < e.Length; k++)
            {
                var (sa, se) = (a.States[k], e.States[k]);
                Bits(sa.X, sa.Y, sa.Heading, sa.Vx, sa.Vy, sa.Ax, sa.Ay).ShouldBe(Bits(se.X, se.Y, se.Heading, se.Vx, se.Vy, se.Ax, se.Ay), $"track '{e.Id}' state {k}");
            }
        }

        for (var l = 0; l < expected.Lanes.Lanes.Count; l++)
        {
            var (a, e) = (actual.Lanes.Lanes[l], expected.Lanes.Lanes[l]);
            PointBits(a.LeftBound).ShouldBe(PointBits(e.LeftBound), $"lane '{e.Id}' left bound");
            PointBits(a.RightBound).ShouldBe(PointBits(e.RightBound), $"lane '{e.Id}' right bound");
            PointBits(a.Centerline).ShouldBe(PointBits(e.Centerline), $"lane '{e.Id}' centreline");
        }
    }

    private static long[] Bits(params double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    private static long[] PointBits(IReadOnlyList<Point2> points) => [.. points.SelectMany(p => Bits(p.X, p.Y))];

    // Doubles within the limits, with the awkward ones made likely: -0.0, subnormals, the limits themselves.
    private static Gen<double> Within(double limit) => Gen.Frequency(
        (6, Gen.Double[-limit, limit]),
        (1, Constants(0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, limit, -limit, Math.BitDecrement(limit))));

    private static Gen<double> Constants(params double[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<AgentState> GenState =
        Gen.Select(Within(PlausibilityLimits.MaxAbsCoordinateMeters), Within(PlausibilityLimits.MaxAbsCoordinateMeters), Within(Math.PI), Within(100), Within(100), Within(70), Within(70))
            .Select((x, y, h, vx, vy, ax, ay) => new AgentState(x, y, h, vx, vy, ax, ay));

    private static readonly Gen<Point2> GenPoint =
        Gen.Select(Within(PlausibilityLimits.MaxAbsCoordinateMeters), Within(PlausibilityLimits.MaxAbsCoordinateMeters), (x, y) => new Point2(x, y));

    private static readonly Gen<Scene> GenScene =
        from frames in Gen.Int[1, 30]
        from step in Gen.OneOf(Gen.Double[PlausibilityLimits.MinStepSeconds, PlausibilityLimits.MaxStepSeconds], Constants(0.1, PlausibilityLimits.MinStepSeconds, PlausibilityLimits.MaxStepSeconds))
        from start in Gen.Double[-1e9, 1e9]
        from trackCount in Gen.Int[0, 4]
        from tracks in Gen.Select(Gen.Int[0, frames - 1], Gen.Int[1, frames], Gen.Enum<AgentKind>(), Gen.Double[0.1, 50], Gen.Double[0.1, 50], Gen.Bool, GenState.Array[frames])
            .Array[trackCount]
        from laneCount in Gen.Int[0, 4]
        from lanes in Gen.Select(GenPoint.Array[0, 4], GenPoint.Array[0, 4], GenPoint.Array[2, 6], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Bool, Gen.Bool).Array[laneCount]
        from ego in Gen.Int[-1, trackCount - 1]
        select Build(frames, step, start, tracks, lanes, ego);

    private static Scene Build(
        int frames,
        double step,
        double start,
        (int First, int Length, AgentKind Kind, double L, double W, bool HasA, AgentState[] States)[] tracks,
        (Point2[] Left, Point2[] Right, Point2[] Centre, int Next, int Side, bool Same, bool Crossing)[] lanes,
        int ego)
    {
        var built = tracks.Select((t, i) =>
        {
            var first = Math.Min(t.First, frames - 1);
            var length = Math.Min(t.Length, frames - first);
            var states = t.States[..length];
            if (!t.HasA)
            {
                states = [.. states.Select(s => s with { Ax = 0, Ay = 0 })];
            }

            return new Track(new TrackId($"t{i}"), t.Kind, i % 2 == 0 ? "car" : "", new BoxSize(t.L, t.W), first, states, t.HasA);
        }).ToList();

        var ids = lanes.Select((_, i) => new LaneId($"lane {i}")).ToArray();
        var graph = new LaneGraph(lanes.Select((l, i) => new Lane(
            ids[i],
            l.Left,
            l.Right,
            l.Centre,
            l.Next < ids.Length && l.Next != i ? [ids[l.Next]] : [],
            i > 0 ? [ids[i - 1]] : [],
            l.Side == 1 && ids.Length > 1 ? new LaneNeighbour(ids[(i + 1) % ids.Length], l.Same) : null,
            l.Side == 2 && ids.Length > 1 ? new LaneNeighbour(ids[(i + ids.Length - 1) % ids.Length], l.Same) : null) { IsIntersection = l.Crossing }));
        return new Scene("generated", new TimeBase(start, step, frames), built, graph, new Provenance("generated", "none", "generated.xml", "ab"), ego >= 0 ? built[ego].Id : null);
    }
}
