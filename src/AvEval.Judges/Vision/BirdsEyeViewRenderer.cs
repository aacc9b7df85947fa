using System.Security.Cryptography;
using AvEval.Analysis;
using AvEval.Geometry;
using AvEval.Scenes;
using SkiaSharp;

namespace AvEval.Judges.Vision;

/// <summary>
/// Draws a drive's scene at one frame as a bird's-eye-view PNG for vision-language judges, server-side with SkiaSharp:
/// lane polygons (left bound, then the right bound reversed) with their bounds and centrelines, every agent present at
/// the frame as an oriented box (its length and width at its heading; the ego highlighted, drawn last), and a scale bar.
/// Version <c>bev/1</c>: 512 × 512 pixels, 4 px/m (128 m across), north up, centred on the ego. Deterministic: no
/// anti-aliasing, no text, no fonts, no clock, so the same scene and time give the same bytes (and SHA-256).
/// </summary>
public static class BirdsEyeViewRenderer
{
    /// <summary>The renderer's version; a change of what is drawn or how gets a new one.</summary>
    public const string Version = "bev/1";

    /// <summary>The image's width and height, pixels.</summary>
    public const int Size = 512;

    /// <summary>The scale, pixels per metre.</summary>
    public const double PixelsPerMetre = 4;

    /// <summary>The scale bar's length, m.</summary>
    public const double ScaleBarMetres = 10;

    /// <summary>The background.</summary>
    public static readonly SKColor Background = new(0x1E, 0x1E, 0x1E);

    /// <summary>A lane's surface.</summary>
    public static readonly SKColor LaneSurface = new(0x4A, 0x4A, 0x4A);

    /// <summary>A lane's bounds.</summary>
    public static readonly SKColor LaneBound = new(0x9A, 0x9A, 0x9A);

    /// <summary>A lane's centreline.</summary>
    public static readonly SKColor LaneCentre = new(0x6E, 0x6E, 0x6E);

    /// <summary>The ego's box.</summary>
    public static readonly SKColor Ego = new(0xE5, 0x39, 0x35);

    /// <summary>Another vehicle's box.</summary>
    public static readonly SKColor Vehicle = new(0x1E, 0x88, 0xE5);

    /// <summary>A pedestrian's or cyclist's box.</summary>
    public static readonly SKColor VulnerableRoadUser = new(0xFD, 0xD8, 0x35);

    /// <summary>Any other object's box, and the scale bar.</summary>
    public static readonly SKColor OtherObject = new(0xF5, 0xF5, 0xF5);

    /// <summary>
    /// The moment a judge is shown of a drive: the start of the earliest event the analyzers found (a cut-in, a short
    /// headway), else the middle frame of the ego's track.
    /// </summary>
    /// <param name="drive">The drive.</param>
    /// <param name="evaluation">The rule analyzers' evaluation of the drive (its events).</param>
    public static double MomentOf(Drive drive, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentNullException.ThrowIfNull(evaluation);
        var ego = drive.EgoTrack;
        return evaluation.Events.Count > 0
            ? evaluation.Events.Min(e => e.StartSeconds)
            : drive.Scene.TimeBase.TimeOf(ego.FirstFrame + ((ego.LastFrame - ego.FirstFrame) / 2));
    }

    /// <summary>Draws a drive at the frame nearest to a log time.</summary>
    /// <param name="drive">The drive (the scene with the ego's trajectory as driven).</param>
    /// <param name="timeSeconds">The log time, s; the nearest frame of the scene is drawn.</param>
    /// <exception cref="ArgumentException">The ego is not present at that frame.</exception>
    public static BirdsEyeImage Render(Drive drive, double timeSeconds)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var scene = drive.Scene;
        int frame = scene.TimeBase.FrameAt(timeSeconds);
        if (!drive.EgoTrack.TryGetState(frame, out var ego))
        {
            throw new ArgumentException($"The ego '{drive.Ego}' is not present at frame {frame} (t={scene.TimeBase.TimeOf(frame)} s) of scene '{scene.Id}'; draw a time inside the ego's track.", nameof(timeSeconds));
        }

        var centre = new Point2(ego.X, ego.Y);
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Background);
            DrawLanes(canvas, scene.Lanes, centre);
            foreach (var track in scene.Tracks)
            {
                if (track.Id != drive.Ego && track.TryGetState(frame, out var state))
                {
                    DrawBox(canvas, state, track.Size, centre, ColourOf(track.Kind));
                }
            }

            DrawBox(canvas, ego, drive.EgoTrack.Size, centre, Ego);
            DrawScaleBar(canvas);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        byte[] png = data.ToArray();
        return new BirdsEyeImage(Version, png, Convert.ToHexStringLower(SHA256.HashData(png)), frame, scene.TimeBase.TimeOf(frame), centre, Size, Size, PixelsPerMetre);
    }

    private static SKColor ColourOf(AgentKind kind) => kind switch
    {
        AgentKind.Vehicle => Vehicle,
        AgentKind.Pedestrian or AgentKind.Cyclist => VulnerableRoadUser,
        _ => OtherObject,
    };

    private static SKPoint Project(Point2 p, Point2 centre) =>
        new((float)((Size / 2.0) + ((p.X - centre.X) * PixelsPerMetre)), (float)((Size / 2.0) - ((p.Y - centre.Y) * PixelsPerMetre)));

    private static SKPaint Paint(SKColor colour, SKPaintStyle style, float width = 1) => new()
    {
        Color = colour,
        Style = style,
        StrokeWidth = width,
        IsAntialias = false,
    };

    private static SKPath Polygon(SKPoint[] points, bool close)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly(points, close);
        return builder.Detach();
    }

    private static void DrawLanes(SKCanvas canvas, LaneGraph lanes, Point2 centre)
    {
        using var surface = Paint(LaneSurface, SKPaintStyle.Fill);
        using var bound = Paint(LaneBound, SKPaintStyle.Stroke);
        using var middle = Paint(LaneCentre, SKPaintStyle.Stroke);
        foreach (var lane in lanes.Lanes)
        {
            if (lane.LeftBound.Count >= 2 && lane.RightBound.Count >= 2)
            {
                using var polygon = Polygon([.. lane.LeftBound.Select(p => Project(p, centre)), .. lane.RightBound.Reverse().Select(p => Project(p, centre))], close: true);
                canvas.DrawPath(polygon, surface);
            }
        }

        foreach (var lane in lanes.Lanes)
        {
            DrawLine(canvas, lane.Centerline, centre, middle);
            DrawLine(canvas, lane.LeftBound, centre, bound);
            DrawLine(canvas, lane.RightBound, centre, bound);
        }
    }

    private static void DrawLine(SKCanvas canvas, IReadOnlyList<Point2> points, Point2 centre, SKPaint paint)
    {
        if (points.Count < 2)
        {
            return;
        }

        using var path = Polygon([.. points.Select(p => Project(p, centre))], close: false);
        canvas.DrawPath(path, paint);
    }

    private static void DrawBox(SKCanvas canvas, AgentState state, BoxSize size, Point2 centre, SKColor colour)
    {
        double c = Math.Cos(state.Heading), s = Math.Sin(state.Heading);
        double hl = size.Length / 2, hw = size.Width / 2;
        Point2 Corner(double along, double across) => new(state.X + (along * c) - (across * s), state.Y + (along * s) + (across * c));
        using var box = Polygon([Project(Corner(hl, hw), centre), Project(Corner(hl, -hw), centre), Project(Corner(-hl, -hw), centre), Project(Corner(-hl, hw), centre)], close: true);
        using var fill = Paint(colour, SKPaintStyle.Fill);
        canvas.DrawPath(box, fill);
    }

    private static void DrawScaleBar(SKCanvas canvas)
    {
        float left = 16, bottom = Size - 16, length = (float)(ScaleBarMetres * PixelsPerMetre);
        using var bar = Paint(OtherObject, SKPaintStyle.Fill);
        canvas.DrawRect(new SKRect(left, bottom - 3, left + length, bottom), bar);
        canvas.DrawRect(new SKRect(left, bottom - 9, left + 2, bottom), bar);
        canvas.DrawRect(new SKRect(left + length - 2, bottom - 9, left + length, bottom), bar);
    }
}
