using System.Globalization;
using AvEval.Geometry;

namespace AvEval.Judges.Vision;

/// <summary>
/// A bird's-eye-view PNG of one frame of a drive (<see cref="BirdsEyeViewRenderer"/>): north up (scene x to the right,
/// scene y up), centred on the ego, at a fixed scale, identified by the renderer's version and the PNG's SHA-256.
/// </summary>
/// <param name="Version">The renderer's version (<see cref="BirdsEyeViewRenderer.Version"/>); a change of what is drawn gets a new one.</param>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Sha256">The SHA-256 of <see cref="Png"/>, lowercase hex.</param>
/// <param name="Frame">The scene frame drawn.</param>
/// <param name="TimeSeconds">The log time of that frame, s.</param>
/// <param name="Centre">The scene point at the image centre (the ego's position at the frame), m.</param>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
/// <param name="PixelsPerMetre">The scale, pixels per metre.</param>
public sealed record BirdsEyeImage(
    string Version,
    ReadOnlyMemory<byte> Png,
    string Sha256,
    int Frame,
    double TimeSeconds,
    Point2 Centre,
    int Width,
    int Height,
    double PixelsPerMetre)
{
    /// <summary>The image coordinates (pixels, origin top left, y down) of a scene point.</summary>
    /// <param name="point">The scene point, m.</param>
    public (double X, double Y) Project(Point2 point) =>
        ((Width / 2.0) + ((point.X - Centre.X) * PixelsPerMetre), (Height / 2.0) - ((point.Y - Centre.Y) * PixelsPerMetre));

    /// <summary>What the image shows, in one line, for the judge's prompt beside the image.</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture,
        $"Image {Version} ({Sha256[..12]}): bird's-eye view at t={TimeSeconds:0.0##} s (frame {Frame}), north up, {PixelsPerMetre:0.##} px/m, {Width}x{Height} px centred on the ego; lanes grey with lighter bounds, the ego red, other vehicles blue, pedestrians and cyclists yellow, other objects white; the bar at the bottom left is {BirdsEyeViewRenderer.ScaleBarMetres:0} m.");
}
