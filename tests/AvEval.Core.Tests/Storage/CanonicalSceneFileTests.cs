using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Tests.Storage;

public sealed partial class CanonicalSceneFileTests
{
    [Fact]
    public void Read_SceneWithAnIntersectionLane_KeepsWhichLanesAreInIntersections()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("crossing" + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(TwoLaneScene(intersection: "X"), path);

        var scene = CanonicalSceneFile.Read(path);

        scene.Lanes[new LaneId("A")].IsIntersection.ShouldBeFalse();
        scene.Lanes[new LaneId("X")].IsIntersection.ShouldBeTrue();
    }

    [Fact]
    public void Read_IntersectionLaneThatIsNotInTheScene_NamesTheLaneAndWhatToDo()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("crossing" + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(TwoLaneScene(intersection: "X"), path);
        var bytes = File.ReadAllBytes(path);
        var original = System.Text.Encoding.UTF8.GetBytes("[\"X\"]");
        var renamed = System.Text.Encoding.UTF8.GetBytes("[\"Y\"]");
        var at = bytes.AsSpan().IndexOf(original);
        at.ShouldBeGreaterThanOrEqualTo(0);
        renamed.CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{path}: key-value metadata: 'aveval.scene.intersection_lanes' names lane 'Y', which is not a lane of the scene; re-create the file with 'aveval import'.");
    }

    private static Scene TwoLaneScene(string intersection)
    {
        Lane Straight(string id, double x0) => new(
            new LaneId(id),
            [new Point2(x0, 1.85), new Point2(x0 + 20, 1.85)],
            [new Point2(x0, -1.85), new Point2(x0 + 20, -1.85)],
            [new Point2(x0, 0), new Point2(x0 + 20, 0)],
            [],
            [],
            null,
            null) { IsIntersection = id == intersection };

        var track = new Track(new TrackId("1"), AgentKind.Vehicle, "car", new BoxSize(4, 1.8), 0, [new AgentState(0, 0, 0, 10, 0)], hasAcceleration: false);
        return new Scene("crossing", new TimeBase(0, 0.1, 1), [track], new LaneGraph([Straight("A", 0), Straight("X", 20)]), new Provenance("hand-built", "none", "crossing", "00"));
    }
}
