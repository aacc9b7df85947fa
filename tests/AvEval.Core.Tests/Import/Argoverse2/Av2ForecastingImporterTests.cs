using AvEval.Import.Argoverse2;
using AvEval.Scenes;

namespace AvEval.Tests.Import.Argoverse2;

public sealed class Av2ForecastingImporterTests
{
    private const string Derived = "av2-forecasting-" + Av2Paths.ForecastingId;

    [Fact]
    public void Import_Folder_ReproducesDerivedCsvAtItsPrintedPrecision()
    {
        // derived/tracks prints x, y, v to 3 decimals and yaw to 4: agreement within half a last digit.
        var rows = DerivedCsv.Tracks(Derived);

        var scene = new Av2ForecastingImporter().Import(Av2Paths.ForecastingFolder);

        scene.Tracks.Select(t => t.Id.Value).Order().ShouldBe(rows.Select(r => r.TrackId).Distinct().Order());
        scene.Tracks.Sum(t => t.Length).ShouldBe(rows.Count);
        foreach (var row in rows)
        {
            var track = scene[new TrackId(row.TrackId)];
            var state = track.StateAt((int)Math.Round(row.T / 0.1));
            var at = $"{row.TrackId} t={row.T}";
            state.X.ShouldBe(row.X, 0.0005 + 1e-9, at);
            state.Y.ShouldBe(row.Y, 0.0005 + 1e-9, at);
            state.Heading.ShouldBe(row.Yaw!.Value, 0.00005 + 1e-9, at);
            state.Vx.ShouldBe(row.Vx!.Value, 0.0005 + 1e-9, at);
            state.Vy.ShouldBe(row.Vy!.Value, 0.0005 + 1e-9, at);
            track.Kind.ToString().ToLowerInvariant().ShouldBe(row.Kind, at);
            track.SourceType.ShouldBe(row.SourceType, at);
            (scene.RecordedEgo == track.Id).ShouldBe(row.IsEgo, at);
        }
    }

    [Fact]
    public void Import_Folder_HasTheSourceMdFacts()
    {
        // SOURCE.md: 2434 rows, 110 timesteps at 10 Hz; ANALYSIS.txt: 58 tracks, focal track 138951, ego 'AV'.
        var scene = new Av2ForecastingImporter().Import(Av2Paths.ForecastingFolder);

        scene.Id.ShouldBe(Av2Paths.ForecastingId);
        scene.TimeBase.ShouldBe(new TimeBase(0, 0.1, 110));
        scene.Tracks.Count.ShouldBe(58);
        scene.Tracks.Sum(t => t.Length).ShouldBe(2434);
        scene.RecordedEgo.ShouldBe(new TrackId("AV"));
        scene[new TrackId("AV")].Size.ShouldBe(new BoxSize(4.0, 2.0));
        scene.Tracks.Count(t => t.Kind == AgentKind.Pedestrian).ShouldBe(12);
        scene.Tracks.Count(t => t.Kind == AgentKind.Vehicle).ShouldBe(32);
        scene.Lanes.Lanes.Count.ShouldBe(71);
    }

    [Fact]
    public void Import_ParquetPath_SameSceneAsFolderWithProvenance()
    {
        var parquet = Av2Paths.ForecastingParquet;
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. File.ReadAllBytes(parquet), .. File.ReadAllBytes(Av2Paths.ForecastingMap)]));

        var scene = new Av2ForecastingImporter().Import(parquet);

        scene.Provenance.ShouldBe(new Provenance("Argoverse 2 motion forecasting", "CC BY-NC-SA 4.0", parquet, expectedHash));
        scene.Tracks.Count.ShouldBe(58);
    }

    [Fact]
    public void Import_Map_ReproducesDerivedLanes()
    {
        var rows = DerivedCsv.Lanes(Derived);

        var lanes = new Av2ForecastingImporter().Import(Av2Paths.ForecastingFolder).Lanes;

        LaneAssert.SameAsDerived(lanes, rows);
    }

    [Fact]
    public void Import_Map_MarksOppositeDirectionNeighbours()
    {
        // Counted with a stdlib-Python script over the map JSON (neighbour's left boundary start→end against the
        // lane's): of 42 neighbour links, 14 run the same way and 28 the opposite way (18 between BIKE lanes).
        var lanes = new Av2ForecastingImporter().Import(Av2Paths.ForecastingFolder).Lanes.Lanes;

        var links = lanes.SelectMany(l => new[] { l.Left, l.Right }).OfType<LaneNeighbour>().ToList();

        links.Count.ShouldBe(42);
        links.Count(n => !n.SameDirection).ShouldBe(28);
    }
}
