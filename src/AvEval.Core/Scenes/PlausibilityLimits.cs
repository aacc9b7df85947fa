using System.Globalization;
using AvEval.Errors;

namespace AvEval.Scenes;

/// <summary>
/// The physical plausibility limits every importer enforces (CommonRoad XML, Argoverse 2 forecasting and sensor logs and
/// their maps, comma2k19, canonical Parquet): a value outside them is a recording or conversion fault, not a driving
/// situation, and is a <see cref="SceneImportException"/> naming the file, the location, the field, the value and the limit.
/// Every analyzer is safe (finite or explicitly not computed) for every scene within them.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>limit</term><description>value, unit and why</description></listheader>
/// <item><term><see cref="MaxAbsCoordinateMeters"/></term><description>|x|, |y| ≤ 1e7 m for track positions and lane
/// points: 10 000 km, beyond any local, ENU or UTM frame (UTM northings stay below 1e7 m); 1e12 m or 1e300 m is a unit or
/// parsing fault.</description></item>
/// <item><term><see cref="MinStepSeconds"/> … <see cref="MaxStepSeconds"/></term><description>the time step is 1 ms to 10 s:
/// no recorder of driving logs samples faster than 1 kHz, and at more than 10 s between frames nothing about a drive can be
/// derived (a step of 1e-300 s turns centimetres into accelerations of 1e300 m/s²).</description></item>
/// <item><term><see cref="MaxFrameCount"/></term><description>at most 1 000 000 frames (27.8 h at 10 Hz), so that the
/// per-frame arrays of a scene (a static obstacle has a state on every frame) stay within memory.</description></item>
/// <item><term><see cref="MaxDurationSeconds"/></term><description>frame count × time step ≤ 86 400 s (one day): a scene
/// is one recording.</description></item>
/// <item><term><see cref="MaxAbsStartSeconds"/></term><description>|start| ≤ 1e10 s of log time (Unix time until the year
/// 2286), so that frame times stay exact to well below a millisecond.</description></item>
/// <item><term><see cref="MaxSpeedMetersPerSecond"/></term><description>speed ≤ 150 m/s (540 km/h), above any road vehicle's
/// top speed.</description></item>
/// <item><term><see cref="MaxAccelerationMetersPerSecondSquared"/></term><description>|a| ≤ 100 m/s² (about 10 g), above
/// anything but a crash pulse; recorded accelerations beyond it are sensor faults.</description></item>
/// <item><term><see cref="MaxAbsHeadingRadians"/></term><description>|heading| ≤ 1000 rad: sources write headings in
/// (−π, π] or unwrapped over a drive (a few turns); analyzers wrap headings themselves, so a heading is kept as recorded
/// (no normalisation, so that canonical files round-trip bit-exactly), but 1e308 rad has no usable sine.</description></item>
/// <item><term><see cref="MaxBoxSizeMeters"/></term><description>0 &lt; length, width ≤ 50 m: longer than any road train's
/// segment seen by a tracker.</description></item>
/// </list>
/// </remarks>
public static class PlausibilityLimits
{
    /// <summary>Largest |x| or |y| of a position or lane point, m.</summary>
    public const double MaxAbsCoordinateMeters = 1e7;

    /// <summary>Smallest time step, s.</summary>
    public const double MinStepSeconds = 1e-3;

    /// <summary>Largest time step, s.</summary>
    public const double MaxStepSeconds = 10;

    /// <summary>Most frames in a scene.</summary>
    public const int MaxFrameCount = 1_000_000;

    /// <summary>Longest scene (frame count × time step), s.</summary>
    public const double MaxDurationSeconds = 86_400;

    /// <summary>Largest |log time of frame 0|, s.</summary>
    public const double MaxAbsStartSeconds = 1e10;

    /// <summary>Largest speed (norm of the velocity, or |scalar velocity|), m/s.</summary>
    public const double MaxSpeedMetersPerSecond = 150;

    /// <summary>Largest acceleration (norm, or |scalar acceleration|), m/s².</summary>
    public const double MaxAccelerationMetersPerSecondSquared = 100;

    /// <summary>Largest |heading|, rad.</summary>
    public const double MaxAbsHeadingRadians = 1000;

    /// <summary>Largest box length or width, m.</summary>
    public const double MaxBoxSizeMeters = 50;

    /// <summary>Checks a coordinate (x or y of a position or lane point), m.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The value is not finite or |value| exceeds <see cref="MaxAbsCoordinateMeters"/>.</exception>
    public static double Coordinate(string file, string location, string field, double value) =>
        Within(file, location, field, value, -MaxAbsCoordinateMeters, MaxAbsCoordinateMeters, "m", "beyond any local or UTM frame");

    /// <summary>Checks a time step, s.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The step is not finite or outside <see cref="MinStepSeconds"/> … <see cref="MaxStepSeconds"/>.</exception>
    public static double Step(string file, string location, string field, double value) =>
        Within(file, location, field, value, MinStepSeconds, MaxStepSeconds, "s", "the time step of a driving log");

    /// <summary>Checks the start time of a scene, s.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The value is not finite or |value| exceeds <see cref="MaxAbsStartSeconds"/>.</exception>
    public static double Start(string file, string location, string field, double value) =>
        Within(file, location, field, value, -MaxAbsStartSeconds, MaxAbsStartSeconds, "s", "log time");

    /// <summary>Checks a speed component or scalar velocity, m/s (its magnitude against <see cref="MaxSpeedMetersPerSecond"/>).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The value is not finite or too large.</exception>
    public static double Speed(string file, string location, string field, double value) =>
        Within(file, location, field, value, -MaxSpeedMetersPerSecond, MaxSpeedMetersPerSecond, "m/s", "the speed of a road user");

    /// <summary>Checks an acceleration component or scalar acceleration, m/s² (its magnitude against <see cref="MaxAccelerationMetersPerSecondSquared"/>).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The value is not finite or too large.</exception>
    public static double Acceleration(string file, string location, string field, double value) =>
        Within(file, location, field, value, -MaxAccelerationMetersPerSecondSquared, MaxAccelerationMetersPerSecondSquared, "m/s²", "the acceleration of a road user");

    /// <summary>Checks a heading, rad.</summary>
    /// <returns>The value, unchanged.</returns>
    /// <exception cref="SceneImportException">The value is not finite or |value| exceeds <see cref="MaxAbsHeadingRadians"/>.</exception>
    public static double Heading(string file, string location, string field, double value) =>
        Within(file, location, field, value, -MaxAbsHeadingRadians, MaxAbsHeadingRadians, "rad", "a heading");

    /// <summary>Checks a box dimension (length or width), m.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SceneImportException">The value is not finite, not positive, or exceeds <see cref="MaxBoxSizeMeters"/>.</exception>
    public static double BoxSize(string file, string location, string field, double value)
    {
        if (!double.IsFinite(value))
        {
            throw SceneImportException.NotFinite(file, location, field, value);
        }

        return value > 0
            ? Within(file, location, field, value, 0, MaxBoxSizeMeters, "m", "the box of a road user")
            : throw SceneImportException.Implausible(file, location, field, value, $"greater than 0 m and at most {Text(MaxBoxSizeMeters)} m");
    }

    /// <summary>Checks a frame count and the duration it gives with a step.</summary>
    /// <exception cref="SceneImportException">Too many frames, or a scene longer than <see cref="MaxDurationSeconds"/>.</exception>
    public static void Frames(string file, string location, string field, long frameCount, double stepSeconds)
    {
        if (frameCount is < 0 or > MaxFrameCount)
        {
            throw SceneImportException.Implausible(file, location, field, frameCount, $"between 0 and {MaxFrameCount.ToString(CultureInfo.InvariantCulture)} frames");
        }

        var duration = frameCount * stepSeconds;
        if (duration > MaxDurationSeconds)
        {
            throw SceneImportException.Implausible(file, location, "duration", duration, $"at most {Text(MaxDurationSeconds)} s (one recording); split the log");
        }
    }

    /// <summary>
    /// Checks a whole scene against every limit, for importers whose sources have no finer location than a track and a
    /// frame; the location is <c>track 'id', frame k</c> or <c>lane 'id', left bound point n</c>.
    /// </summary>
    /// <exception cref="SceneImportException">A value is outside its limit.</exception>
    public static void Check(string file, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var time = scene.TimeBase;
        Step(file, "time base", "step", time.StepSeconds);
        Start(file, "time base", "start", time.StartSeconds);
        Frames(file, "time base", "frame count", time.FrameCount, time.StepSeconds);
        foreach (var track in scene.Tracks)
        {
            var at = $"track '{track.Id}'";
            BoxSize(file, at, "length", track.Size.Length);
            BoxSize(file, at, "width", track.Size.Width);
            var states = track.States;
            for (var k = 0; k < states.Length; k++)
            {
                CheckState(file, $"{at}, frame {track.FirstFrame + k}", states[k]);
            }
        }

        foreach (var lane in scene.Lanes.Lanes)
        {
            CheckPoints(file, lane, "left bound", lane.LeftBound);
            CheckPoints(file, lane, "right bound", lane.RightBound);
            CheckPoints(file, lane, "centreline", lane.Centerline);
        }
    }

    /// <summary>Checks every field of one state: position, heading, velocity (each component and the norm) and acceleration.</summary>
    /// <exception cref="SceneImportException">A value is outside its limit.</exception>
    public static void CheckState(string file, string location, AgentState state)
    {
        Coordinate(file, location, "x", state.X);
        Coordinate(file, location, "y", state.Y);
        Heading(file, location, "heading", state.Heading);
        Speed(file, location, "vx", state.Vx);
        Speed(file, location, "vy", state.Vy);
        Speed(file, location, "speed", Math.Sqrt((state.Vx * state.Vx) + (state.Vy * state.Vy)));
        Acceleration(file, location, "ax", state.Ax);
        Acceleration(file, location, "ay", state.Ay);
        Acceleration(file, location, "acceleration", Math.Sqrt((state.Ax * state.Ax) + (state.Ay * state.Ay)));
    }

    private static void CheckPoints(string file, Lane lane, string polyline, IReadOnlyList<Geometry.Point2> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var at = $"lane '{lane.Id}', {polyline} point {i + 1}";
            Coordinate(file, at, "x", points[i].X);
            Coordinate(file, at, "y", points[i].Y);
        }
    }

    private static double Within(string file, string location, string field, double value, double min, double max, string unit, string what)
    {
        if (!double.IsFinite(value))
        {
            throw SceneImportException.NotFinite(file, location, field, value);
        }

        return value >= min && value <= max
            ? value
            : throw SceneImportException.Implausible(file, location, field, value, $"between {Text(min)} {unit} and {Text(max)} {unit} ({what})");
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
