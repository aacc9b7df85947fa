using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Tests.Storage;

public sealed partial class CanonicalSceneFileTests
{
    private const string LimitAdvice = "the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.";

    /// <summary>Writes a copy of the first in-repo scene with one state of its first track replaced (the writer does not check limits).</summary>
    private static string WithFirstState(TempFolder folder, Func<AgentState, AgentState> change)
    {
        var scene = CanonicalSceneFile.Read(InRepoScenes[0]);
        var first = scene.Tracks[0];
        var states = first.States.ToArray();
        states[0] = change(states[0]);
        var tracks = scene.Tracks.ToArray();
        tracks[0] = new Track(first.Id, first.Kind, first.SourceType, first.Size, first.FirstFrame, states, first.HasAcceleration);
        var path = folder.PathOf("changed" + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(new Scene(scene.Id, scene.TimeBase, tracks, scene.Lanes, scene.Provenance, scene.RecordedEgo), path);
        return path;
    }

    [Fact]
    public void Read_PositionOf1e300_NamesTheRowColumnAndLimit()
    {
        using var folder = new TempFolder();
        var path = WithFirstState(folder, s => s with { X = 1e300 });

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{path}: row 1: 'x_m' is '1E+300', but it must be between -10000000 m and 10000000 m (beyond any local or UTM frame), {LimitAdvice}");
    }

    [Fact]
    public void Read_SpeedAbove150_NamesTheRowAndTheSpeedLimit()
    {
        // Each component is within 150 m/s, the norm is not: 120² + 120² > 150².
        using var folder = new TempFolder();
        var path = WithFirstState(folder, s => s with { Vx = 120, Vy = 120 });

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{path}: row 1: 'speed' is '169.7056274847714', but it must be between -150 m/s and 150 m/s (the speed of a road user), {LimitAdvice}");
    }

    [Fact]
    public void Read_StepOf1eMinus300_NamesTheMetadataKeyAndLimit()
    {
        using var folder = new TempFolder();
        var scene = CanonicalSceneFile.Read(InRepoScenes[0]);
        var path = folder.PathOf("fast" + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(new Scene(scene.Id, scene.TimeBase with { StepSeconds = 1e-300 }, scene.Tracks, scene.Lanes, scene.Provenance, scene.RecordedEgo), path);

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{path}: key-value metadata: 'aveval.scene.time.step_s' is '1E-300', but it must be between 0.001 s and 10 s (the time step of a driving log), {LimitAdvice}");
    }

    [Fact]
    public void Read_RowCountAboveTheLimitForTheFileSize_IsALimitErrorBeforeAllocating()
    {
        // 200 000 lane_point rows of one repeated point compress to a few kilobytes, beyond 16 rows per byte of the file.
        using var folder = new TempFolder();
        Point2[] points = [.. Enumerable.Repeat(new Point2(1, 1), 200_000)];
        var lane = new Lane(new LaneId("L"), [], [], points, [], [], null, null);
        var path = folder.PathOf("dense" + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(new Scene("dense", new TimeBase(0, 0.1, 1), [], new LaneGraph([lane]), new Provenance("hand-built", "none", "dense", "00")), path);
        var size = new FileInfo(path).Length;
        (size * CanonicalSceneFile.MaxRowsPerFileByte).ShouldBeLessThan(200_000 - 1024, "the test needs a file that compresses this well");

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{path}: row group 1: the row count is '200001', above the limit of '{(size * CanonicalSceneFile.MaxRowsPerFileByte) + 1024}' rows for a file of '{size}' bytes (CanonicalSceneFile.MaxRowsPerFileByte, MaxRows); the file is corrupt, or split the log into smaller scenes.");
    }
}
