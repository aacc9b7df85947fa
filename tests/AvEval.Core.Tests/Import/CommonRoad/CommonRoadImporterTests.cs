using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Import.CommonRoad;
using AvEval.Scenes;

namespace AvEval.Tests.Import.CommonRoad;

public sealed partial class CommonRoadImporterTests
{
    private static readonly string Originals = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original");

    [Fact]
    public void Import_InRepo2018bOriginal_HasTheObstaclesAndLaneletsOfTheFile()
    {
        var path = Path.Combine(Originals, "USA_US101-3_3_T-1.xml");

        var scene = new CommonRoadImporter().Import(path);

        // Counted with grep: 12 '<obstacle ' and 12 '<lanelet id=' elements; 12 initial + 372 trajectory '<state>'
        // elements; the largest time step is 31, so 32 frames.
        scene.Id.ShouldBe("USA_US101-3_3_T-1");
        scene.Tracks.Count.ShouldBe(12);
        scene.Lanes.Lanes.Count.ShouldBe(12);
        scene.Tracks.Sum(t => t.Length).ShouldBe(384);
        scene.TimeBase.ShouldBe(new TimeBase(0, 0.1, 32));
        scene.Provenance.Dataset.ShouldBe("NGSIM via CommonRoad 2018b");
        scene.Provenance.Licence.ShouldBe("BSD-3-Clause");
        scene.RecordedEgo.ShouldBeNull();
    }

    [Fact]
    public void Import_InRepo2018bOriginal_FirstStateOfObstacle363IsTheOneInTheFile()
    {
        var path = Path.Combine(Originals, "USA_US101-3_3_T-1.xml");

        var track = new CommonRoadImporter().Import(path)[new TrackId("363")];

        // Read off the XML by eye (lines 3920-3945): car, rectangle 4.1148 x 2.4079, initial state at time 0:
        // x 20.3796, y -18.5216, orientation -0.7727, velocity 10.6621, no acceleration in any state of this file.
        // 1 initial state + 31 trajectory states. vx = 10.6621 cos(-0.7727) = 7.634367362882687 and
        // vy = 10.6621 sin(-0.7727) = -7.442903423970491 (Python math.cos/math.sin).
        track.Kind.ShouldBe(AgentKind.Vehicle);
        track.SourceType.ShouldBe("car");
        track.Size.ShouldBe(new BoxSize(4.1148, 2.4079));
        track.FirstFrame.ShouldBe(0);
        track.Length.ShouldBe(32);
        track.HasAcceleration.ShouldBeFalse();
        var first = track.States[0];
        first.X.ShouldBe(20.3796);
        first.Y.ShouldBe(-18.5216);
        first.Heading.ShouldBe(-0.7727);
        first.Vx.ShouldBe(7.634367362882687, 1e-12);
        first.Vy.ShouldBe(-7.442903423970491, 1e-12);
        first.Ax.ShouldBe(0);
    }

    [Fact]
    public void Import_InRepo2018bOriginal_Lanelet31HasItsLinksAndMeanCentreline()
    {
        var path = Path.Combine(Originals, "USA_US101-3_3_T-1.xml");

        var lane = new CommonRoadImporter().Import(path).Lanes[new LaneId("31")];

        // From the XML: successor 29, no predecessor, adjacentRight 33 drivingDir same, no adjacentLeft;
        // first left point (-44.8542, 41.9582), first right point (-47.1636, 39.3286): centre (-46.0089, 40.6434).
        lane.Successors.ShouldBe([new LaneId("29")]);
        lane.Predecessors.ShouldBeEmpty();
        lane.Right.ShouldBe(new LaneNeighbour(new LaneId("33"), true));
        lane.Left.ShouldBeNull();
        lane.LeftBound[0].ShouldBe(new Point2(-44.8542, 41.9582));
        lane.Centerline[0].X.ShouldBe(-46.0089, 1e-12);
        lane.Centerline[0].Y.ShouldBe(40.6434, 1e-12);
    }

    [Fact]
    public void Import_InRepo2020aOriginal_HasObstaclesAccelerationAndOppositeNeighbours()
    {
        var path = Path.Combine(Originals, "USA_Peach-4_8_T-1.xml");

        var scene = new CommonRoadImporter().Import(path);

        // Counted with grep: 9 '<dynamicObstacle ' and 79 '<lanelet id=' elements.
        // Obstacle 507 (XML lines 4572-4642): initial state x -8.1864, y 14.4662, orientation -2.7699, velocity 6.9799,
        // acceleration 0.0, then two trajectory states (time 1 and 2). vx = 6.9799 cos(-2.7699) = -6.503269994711159.
        // Lanelet 43349: successor 43590, adjacentLeft 43341 opposite, adjacentRight 43208 same; first bound points
        // (5.293104, 81.34366) and (2.560245, 81.504523): centre (3.9266745, 81.4240915).
        scene.Provenance.Dataset.ShouldBe("NGSIM via CommonRoad 2020a");
        scene.Tracks.Count.ShouldBe(9);
        scene.Lanes.Lanes.Count.ShouldBe(79);
        var track = scene[new TrackId("507")];
        track.Length.ShouldBe(3);
        track.HasAcceleration.ShouldBeTrue();
        track.States[0].X.ShouldBe(-8.1864);
        track.States[0].Y.ShouldBe(14.4662);
        track.States[0].Vx.ShouldBe(-6.503269994711159, 1e-12);
        track.States[0].Ax.ShouldBe(0);
        var lane = scene.Lanes[new LaneId("43349")];
        lane.Successors.ShouldBe([new LaneId("43590")]);
        lane.Left.ShouldBe(new LaneNeighbour(new LaneId("43341"), false));
        lane.Right.ShouldBe(new LaneNeighbour(new LaneId("43208"), true));
        lane.Centerline[0].X.ShouldBe(3.9266745, 1e-12);
        lane.Centerline[0].Y.ShouldBe(81.4240915, 1e-12);
    }

    [Fact]
    public void Import_InRepoOriginal_HashIsTheSha256OfTheFileBytes()
    {
        var path = Path.Combine(Originals, "USA_US101-3_3_T-1.xml");

        var scene = new CommonRoadImporter().Import(path);

        // Independent: System.Security.Cryptography over the bytes read here (the same as `sha256sum`).
        scene.Provenance.ContentSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
        scene.Provenance.SourceFile.ShouldBe(path);
    }

    [Fact]
    public void CanImport_XmlAndOtherFiles_JudgesByNameAndRootElement()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("tracks.csv", "a,b\n");
        var otherXml = temp.Write("other.xml", "<osm/>");

        var importer = new CommonRoadImporter();

        importer.CanImport(Path.Combine(Originals, "USA_US101-3_3_T-1.xml")).ShouldBeTrue();
        importer.CanImport(csv).ShouldBeFalse();
        importer.CanImport(otherXml).ShouldBeFalse();
    }

    [Fact]
    public void Import_StaticObstacle_IsAnOtherTrackAtRestOnEveryFrame()
    {
        using var temp = new TempFolder();
        var xml = Template().Replace("</commonRoad>", """
              <staticObstacle id="9">
                <type>parkedVehicle</type>
                <shape><rectangle><length>4</length><width>2</width></rectangle></shape>
                <initialState><position><point><x>30</x><y>1</y></point></position><orientation><exact>0.5</exact></orientation><time><exact>0</exact></time></initialState>
              </staticObstacle>
            </commonRoad>
            """, StringComparison.Ordinal);
        var file = temp.Write("ZAM_Test-1_1_T-1.xml", xml.Replace("2018b", "2020a", StringComparison.Ordinal));

        var scene = new CommonRoadImporter().Import(file);

        // The template's obstacle covers steps 0..3, so the scene has 4 frames and the parked car stands on all of them.
        var parked = scene[new TrackId("9")];
        parked.Kind.ShouldBe(AgentKind.Other);
        parked.SourceType.ShouldBe("parkedVehicle");
        parked.FirstFrame.ShouldBe(0);
        parked.Length.ShouldBe(4);
        parked.States.ToArray().ShouldAllBe(s => s == new AgentState(30, 1, 0.5, 0, 0, 0, 0));
        scene.Provenance.Dataset.ShouldBe("CommonRoad 2020a");
        scene.Provenance.Licence.ShouldBe("unknown (no licence file beside the log)");
    }
}
