using System.Security.Cryptography;
using AvEval.Analysis;
using AvEval.Judges.Vision;
using AvEval.Scenes;
using AvEval.Storage;
using SkiaSharp;

namespace AvEval.Judges.Tests.Vision;

/// <summary>
/// The bird's-eye view of a real in-repo drive (vehicle 681 on US-101, cut in on by 675 at 9.5 s): deterministic bytes,
/// and pixels where the test's own projection (north up, centred on the ego, 4 px/m, 512 px) puts the boxes.
/// </summary>
public sealed class BirdsEyeViewRendererTests
{
    private static readonly Lazy<Drive> CutIn = new(() => new Drive(CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-22_1_T-1.scene.parquet")), new TrackId("681")));

    private const double At = 9.5;

    private static SKColor PixelAt(BirdsEyeImage image, double x, double y)
    {
        using var bitmap = SKBitmap.Decode(image.Png.ToArray());
        return bitmap.GetPixel((int)Math.Floor(x), (int)Math.Floor(y));
    }

    [Fact]
    public void Render_SameDriveAndTime_SameBytesAndTheirSha256()
    {
        var first = BirdsEyeViewRenderer.Render(CutIn.Value, At);
        var second = BirdsEyeViewRenderer.Render(CutIn.Value, At);

        second.Png.ToArray().ShouldBe(first.Png.ToArray());
        first.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(first.Png.Span)));
        second.Sha256.ShouldBe(first.Sha256);
        first.Version.ShouldBe("bev/1");
        first.Png.Span[..8].ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG signature");
    }

    [Fact]
    public void Render_OtherTime_OtherFrameAndOtherBytes()
    {
        var cutIn = BirdsEyeViewRenderer.Render(CutIn.Value, At);
        var later = BirdsEyeViewRenderer.Render(CutIn.Value, At + 2);

        later.Frame.ShouldBe(cutIn.Frame + 20, "the NGSIM scenes have a 0.1 s step");
        later.Sha256.ShouldNotBe(cutIn.Sha256);
    }

    [Fact]
    public void Render_CutInFrame_EgoColourAtTheImageCentreAndOtherVehicleColourAtItsPosition()
    {
        var drive = CutIn.Value;
        var image = BirdsEyeViewRenderer.Render(drive, At);
        int frame = drive.Scene.TimeBase.FrameAt(At);
        var ego = drive.EgoTrack.StateAt(frame);
        // A vehicle 8-50 m away with no third agent within 6 m of it, so that its centre pixel is its own box.
        var present = drive.Scene.Tracks.Where(t => t.Id != drive.Ego && t.IsPresentAt(frame)).Select(t => (t, State: t.StateAt(frame))).ToList();
        double Distance(AgentState a, AgentState b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
        var other = present
            .Where(p => p.t.Kind == AgentKind.Vehicle && Distance(p.State, ego) is > 8 and < 50 && present.All(q => q.t == p.t || Distance(q.State, p.State) > 6))
            .OrderBy(p => Distance(p.State, ego))
            .First();

        (image.Width, image.Height, image.PixelsPerMetre).ShouldBe((512, 512, 4.0));
        PixelAt(image, 256, 256).ShouldBe(BirdsEyeViewRenderer.Ego);
        PixelAt(image, 256 + ((other.State.X - ego.X) * 4), 256 - ((other.State.Y - ego.Y) * 4)).ShouldBe(BirdsEyeViewRenderer.Vehicle, $"vehicle {other.t.Id} at ({other.State.X:F1}, {other.State.Y:F1}) m, the ego at ({ego.X:F1}, {ego.Y:F1}) m");
        PixelAt(image, 16 + 20, 512 - 16 - 1).ShouldBe(BirdsEyeViewRenderer.OtherObject, "the scale bar lies at the bottom left");
        image.Project(new Geometry.Point2(ego.X + 10, ego.Y)).ShouldBe((296.0, 256.0));
    }

    [Fact]
    public void MomentOf_DriveWithEvents_TheEarliestEventsStart()
    {
        var drive = CutIn.Value;
        var rules = RuleAnalysis.CreateDefault().Analyze(drive);

        double moment = BirdsEyeViewRenderer.MomentOf(drive, rules);

        rules.Events.ShouldNotBeEmpty();
        moment.ShouldBe(rules.Events.Select(e => e.StartSeconds).Min());
    }

    [Fact]
    public void Render_TimeBeforeTheEgosTrack_ThrowsNamingTheFrame()
    {
        // The ego's track cut to start at frame 10 of the scene.
        var scene = CutIn.Value.Scene;
        var full = CutIn.Value.EgoTrack;
        var cut = new Track(full.Id, full.Kind, full.SourceType, full.Size, full.FirstFrame + 10, full.States[10..].ToArray(), full.HasAcceleration);
        var drive = new Drive(new Scene(scene.Id, scene.TimeBase, scene.Tracks.Select(t => t.Id == full.Id ? cut : t), scene.Lanes, scene.Provenance), full.Id);
        double before = scene.TimeBase.TimeOf(cut.FirstFrame - 1);

        var error = Record.Exception(() => BirdsEyeViewRenderer.Render(drive, before));

        Assert.IsType<ArgumentException>(error).Message.ShouldStartWith($"The ego '681' is not present at frame {cut.FirstFrame - 1} ");
    }
}
