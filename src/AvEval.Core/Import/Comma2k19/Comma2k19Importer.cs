using System.Globalization;
using AvEval.Errors;
using AvEval.Import.Numpy;
using AvEval.Scenes;

namespace AvEval.Import.Comma2k19;

/// <summary>
/// Imports a comma2k19 segment folder (the one holding <c>processed_log/</c> and <c>global_pose/</c>) into a scene with
/// the recorded ego and its radar targets; the raw streams, steering angle included, are on <see cref="ReadSegment"/>.
/// </summary>
/// <remarks>
/// <para>Time base: 10 Hz over the span where both the CAN speed and the global_pose streams have samples: frame 0
/// (scene time 0 s) is the later of the first CAN speed sample and the first global_pose sample (boot time on
/// <see cref="Comma2k19Log.FrameZeroSeconds"/>), and the last frame is the last one at or before the end of both
/// streams. Samples outside that span are not used, so no ego state is held at a stream's first or last sample.</para>
/// <para>Frame: a local east-north-up (ENU) plane tangent to the WGS84 ellipsoid at the first global_pose position;
/// x east, y north, metres. Ego position: the camera (device) position of global_pose, linearly interpolated in ECEF
/// to each frame time, then to ENU. Heading: the device's forward axis (the quaternion rotates device axes into ECEF)
/// in ENU, interpolated linearly in unwrapped angle. Speed: CAN speed linearly interpolated; velocity = speed along
/// the heading. Ego box: <see cref="EgoSize"/>.</para>
/// <para>Radar: each CAN address is a track slot; its first return, and every later return flagged <c>new_track</c>,
/// starts a new track <c>radar-&lt;address&gt;-&lt;n&gt;</c>. A track lives on the frames within its first and last
/// return, with forward/left distance and relative speed linearly interpolated; a track shorter than one frame step
/// takes the frame nearest its first return and that return's values. A track whose returns all fall before frame 0's
/// time or all after the last frame's time is left out and listed on <see cref="Comma2k19Log.OutOfRangeRadarTracks"/>;
/// a track that overlaps the time base keeps only its frames within it. Position = ego position + forward · heading +
/// left · left-normal (the radar's offset from the camera is not known and not applied); heading = the ego's;
/// speed = ego speed + relative speed, along the ego heading. Box: <see cref="RadarTargetSize"/>.</para>
/// <para>Provenance hash: SHA-256 over the files of <see cref="Comma2k19Segment.FilesRead"/>, in that order.</para>
/// </remarks>
public sealed class Comma2k19Importer : ISceneImporter
{
    /// <summary>Seconds between frames.</summary>
    public const double StepSeconds = 0.1;

    /// <summary>The stream files read, relative to the segment folder, in provenance-hash order.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "processed_log/CAN/speed/t", "processed_log/CAN/speed/value",
        "processed_log/CAN/steering_angle/t", "processed_log/CAN/steering_angle/value",
        "processed_log/CAN/radar/t", "processed_log/CAN/radar/value",
        "global_pose/frame_times", "global_pose/frame_positions", "global_pose/frame_orientations",
    ];

    /// <summary>The recorded ego's track id.</summary>
    public static TrackId Ego { get; } = new("ego");

    /// <summary>The ego, a 2018 Toyota RAV4: 4.66 × 1.845 m (Toyota's published 183.5 in × 72.6 in).</summary>
    public static BoxSize EgoSize { get; } = new(4.66, 1.845);

    /// <summary>A radar target, assumed a typical passenger car: 4.5 × 1.8 m.</summary>
    public static BoxSize RadarTargetSize { get; } = new(4.5, 1.8);

    /// <inheritdoc/>
    public string FormatName => "comma2k19 segment (processed_log + global_pose NumPy arrays)";

    /// <inheritdoc/>
    public bool CanImport(string path) =>
        Directory.Exists(path) && Directory.Exists(Path.Combine(path, "processed_log")) && Directory.Exists(Path.Combine(path, "global_pose"));

    /// <inheritdoc/>
    /// <remarks>Radar tracks outside the time base are left out; <see cref="ImportLog"/> lists them.</remarks>
    public Scene Import(string path) => ImportLog(path).Scene;

    /// <summary>Imports a segment folder: the scene, and the radar tracks left out of it (see the class remarks).</summary>
    /// <param name="path">The segment folder.</param>
    /// <returns>The imported log.</returns>
    /// <exception cref="SceneImportException">A file is missing or malformed, or the streams do not overlap.</exception>
    public Comma2k19Log ImportLog(string path) => ToLog(ReadSegment(path));

    /// <summary>Reads and checks the segment's streams without resampling them.</summary>
    /// <exception cref="SceneImportException">A file is missing or malformed.</exception>
    public Comma2k19Segment ReadSegment(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!CanImport(path))
        {
            throw SceneImportException.UnknownFormat(path, [FormatName]);
        }

        var files = Files.Select(f => Path.Combine(path, f)).ToArray();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw SceneImportException.At(file, "", "is missing; copy the whole segment folder from the comma2k19 release.");
            }
        }

        var speed = Series(files[0], files[1], "CAN/speed");
        var steering = Series(files[2], files[3], "CAN/steering_angle");
        var radarT = Times(files[4]);
        var radarV = NpyReader.Read(files[5]);
        CheckRows(files[4], files[5], radarT.Length, radarV, 7);
        var radar = new Comma2k19RadarTarget[radarT.Length];
        for (int i = 0; i < radar.Length; i++)
        {
            var at = $"row {i}";
            radar[i] = new Comma2k19RadarTarget(
                radarT[i],
                Finite(files[5], at, "forward distance", radarV[i, 0]),
                Finite(files[5], at, "left distance", radarV[i, 1]),
                Finite(files[5], at, "relative speed", radarV[i, 2]),
                (int)Finite(files[5], at, "address", radarV[i, 5]),
                Finite(files[5], at, "new_track", radarV[i, 6]) != 0);
        }

        var poseT = Times(files[6]);
        poseT = Increasing(files[6], poseT);
        var positions = NpyReader.Read(files[7]);
        CheckRows(files[6], files[7], poseT.Length, positions, 3);
        var orientations = NpyReader.Read(files[8]);
        CheckRows(files[6], files[8], poseT.Length, orientations, 4);
        var pos = new double[poseT.Length][];
        var ori = new double[poseT.Length][];
        for (int i = 0; i < poseT.Length; i++)
        {
            pos[i] = [.. Enumerable.Range(0, 3).Select(c => Finite(files[7], $"row {i}", "position", positions[i, c]))];
            ori[i] = [.. Enumerable.Range(0, 4).Select(c => Finite(files[8], $"row {i}", "orientation", orientations[i, c]))];
        }

        return new Comma2k19Segment(path, speed, steering, radar, poseT, pos, ori, files);
    }

    /// <summary>Builds the scene of a segment (see the class remarks for every rule); <see cref="ToLog"/> also lists the radar tracks left out.</summary>
    /// <exception cref="SceneImportException">The CAN speed and global_pose streams do not overlap.</exception>
    public static Scene ToScene(Comma2k19Segment segment) => ToLog(segment).Scene;

    /// <summary>Builds the scene of a segment and lists the radar tracks left out of it (see the class remarks for every rule).</summary>
    /// <param name="segment">The segment's streams.</param>
    /// <returns>The imported log.</returns>
    /// <exception cref="SceneImportException">The CAN speed and global_pose streams do not overlap.</exception>
    public static Comma2k19Log ToLog(Comma2k19Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        double t0 = Math.Max(segment.Speed.Seconds[0], segment.PoseSeconds[0]);
        double end = Math.Min(segment.Speed.Seconds[^1], segment.PoseSeconds[^1]);
        if (segment.Speed.Seconds[^1] < segment.PoseSeconds[0])
        {
            throw SceneImportException.At(
                Path.Combine(segment.Folder, Files[0]),
                $"row {segment.Speed.Seconds.Length - 1}",
                string.Create(CultureInfo.InvariantCulture, $"CAN speed ends at '{segment.Speed.Seconds[^1]}' s, before the first global_pose sample at '{segment.PoseSeconds[0]}' s; the streams do not overlap, so check that both come from the same segment."));
        }

        if (end < t0)
        {
            throw SceneImportException.At(
                Path.Combine(segment.Folder, Files[6]),
                $"row {segment.PoseSeconds.Length - 1}",
                string.Create(CultureInfo.InvariantCulture, $"global_pose ends at '{end}' s, before the first CAN speed sample at '{segment.Speed.Seconds[0]}' s; the streams do not overlap, so check that both come from the same segment."));
        }

        // Checked before anything per frame is allocated: corrupted times must not ask for billions of frames.
        double span = Math.Floor(((end - t0) / StepSeconds) + 1e-9) + 1;
        PlausibilityLimits.Frames(Path.Combine(segment.Folder, Files[6]), $"rows 0 to {segment.PoseSeconds.Length - 1}", "frame count (overlap of CAN speed and global_pose at 10 Hz)", (long)Math.Min(span, long.MaxValue / 2), StepSeconds);
        int frames = (int)span;

        var origin = segment.PositionsEcef[0];
        var enu = new Enu(origin);
        var poseEast = new double[segment.PoseSeconds.Length];
        var poseNorth = new double[segment.PoseSeconds.Length];
        var poseHeading = new double[segment.PoseSeconds.Length];
        for (int i = 0; i < poseEast.Length; i++)
        {
            (poseEast[i], poseNorth[i]) = enu.Position(segment.PositionsEcef[i]);
            double heading = enu.Heading(segment.OrientationsEcef[i]);
            poseHeading[i] = i == 0 ? heading : poseHeading[i - 1] + Math.IEEERemainder(heading - poseHeading[i - 1], 2 * Math.PI);
        }

        var ego = new AgentState[frames];
        for (int k = 0; k < frames; k++)
        {
            double t = t0 + (k * StepSeconds);
            double heading = Comma2k19Series.Interpolate(segment.PoseSeconds, poseHeading, t);
            double speed = segment.Speed.At(t);
            ego[k] = new AgentState(
                Comma2k19Series.Interpolate(segment.PoseSeconds, poseEast, t),
                Comma2k19Series.Interpolate(segment.PoseSeconds, poseNorth, t),
                Math.IEEERemainder(heading, 2 * Math.PI),
                speed * Math.Cos(heading),
                speed * Math.Sin(heading));
        }

        var tracks = new List<Track> { new(Ego, AgentKind.Vehicle, "Toyota RAV4 2018 (recording vehicle)", EgoSize, 0, ego, hasAcceleration: false) };
        var outOfRange = new List<TrackId>();
        tracks.AddRange(RadarTracks(segment, t0, frames, ego, outOfRange));
        var provenance = new Provenance("comma2k19", "MIT", segment.Folder, Sha256.OfFiles(segment.FilesRead));
        var id = $"comma2k19-{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(segment.Folder).TrimEnd('/')))}-{Path.GetFileName(Path.GetFullPath(segment.Folder).TrimEnd('/'))}";
        var scene = new Scene(id, new TimeBase(0, StepSeconds, frames), tracks, LaneGraph.Empty, provenance, Ego);
        PlausibilityLimits.Check(segment.Folder, scene);
        return new Comma2k19Log(scene, outOfRange, t0);
    }

    /// <summary>The radar track ids in order of first return, each with its returns (a slot's returns are time-ordered).</summary>
    public static IReadOnlyList<(TrackId Id, List<Comma2k19RadarTarget> Returns)> RadarTrackSlots(Comma2k19Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var result = new List<(TrackId Id, List<Comma2k19RadarTarget> Returns)>();
        var current = new Dictionary<int, List<Comma2k19RadarTarget>>();
        var counts = new Dictionary<int, int>();
        foreach (var r in segment.Radar)
        {
            if (!current.TryGetValue(r.Address, out var returns) || r.NewTrack)
            {
                counts[r.Address] = counts.GetValueOrDefault(r.Address) + 1;
                current[r.Address] = returns = [];
                result.Add((new TrackId($"radar-{r.Address}-{counts[r.Address]}"), returns));
            }

            returns.Add(r);
        }

        return result;
    }

    private static List<Track> RadarTracks(Comma2k19Segment segment, double t0, int frames, AgentState[] ego, List<TrackId> outOfRange)
    {
        var tracks = new List<Track>();
        var radarFile = Path.Combine(segment.Folder, Files[4]);
        foreach (var (id, returns) in RadarTrackSlots(segment))
        {
            var t = returns.Select(r => r.Seconds).ToArray();
            for (int i = 1; i < t.Length; i++)
            {
                if (t[i] <= t[i - 1])
                {
                    throw SceneImportException.TimeNotIncreasing(radarFile, $"radar track '{id}', return {i}", id.Value, t[i - 1], t[i]);
                }
            }

            // Frames within the track's first and last return; out of the time base altogether, it is left out (reported).
            int first = (int)Math.Ceiling(((t[0] - t0) / StepSeconds) - 1e-9);
            int last = (int)Math.Floor(((t[^1] - t0) / StepSeconds) + 1e-9);
            if (last < 0 || first > frames - 1)
            {
                outOfRange.Add(id);
                continue;
            }

            (first, last) = (Math.Max(first, 0), Math.Min(last, frames - 1));
            var forward = returns.Select(r => r.ForwardM).ToArray();
            var left = returns.Select(r => r.LeftM).ToArray();
            var relative = returns.Select(r => r.RelativeSpeedMps).ToArray();
            if (last < first)
            {
                // Shorter than a frame step and between two frames of the time base (the check above): the frame
                // nearest the first return, with that return's values.
                first = last = Math.Clamp((int)Math.Round((t[0] - t0) / StepSeconds), 0, frames - 1);
                forward = [forward[0]];
                left = [left[0]];
                relative = [relative[0]];
                t = [t0 + (first * StepSeconds)];
            }

            var states = new AgentState[last - first + 1];
            for (int k = first; k <= last; k++)
            {
                double at = t0 + (k * StepSeconds);
                var e = ego[k];
                double heading = e.Heading, c = Math.Cos(heading), s = Math.Sin(heading);
                double fwd = Comma2k19Series.Interpolate(t, forward, at), lft = Comma2k19Series.Interpolate(t, left, at);
                double speed = e.Speed + Comma2k19Series.Interpolate(t, relative, at);
                states[k - first] = new AgentState(e.X + (fwd * c) - (lft * s), e.Y + (fwd * s) + (lft * c), heading, speed * c, speed * s);
            }

            tracks.Add(new Track(id, AgentKind.Vehicle, $"radar slot {returns[0].Address}", RadarTargetSize, first, states, hasAcceleration: false));
        }

        return tracks;
    }

    private static Comma2k19Series Series(string timeFile, string valueFile, string name)
    {
        var t = Increasing(timeFile, Times(timeFile));
        var v = NpyReader.Read(valueFile);
        CheckRows(timeFile, valueFile, t.Length, v, 1);
        var values = new double[t.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Finite(valueFile, $"row {i}", name, v[i, 0]);
        }

        return new Comma2k19Series(name, t, values);
    }

    private static double[] Times(string file)
    {
        var t = NpyReader.Read(file);
        if (t.Shape.Count != 1 || t.Rows == 0)
        {
            throw SceneImportException.BadNpyHeader(file, $"shape ({string.Join(", ", t.Shape)})", "is not a non-empty vector of sample times");
        }

        for (int i = 0; i < t.Values.Length; i++)
        {
            Finite(file, $"row {i}", "t", t.Values[i]);
        }

        return t.Values;
    }

    private static double[] Increasing(string file, double[] t)
    {
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] <= t[i - 1])
            {
                throw SceneImportException.TimeNotIncreasing(file, $"row {i}", Path.GetFileName(Path.GetDirectoryName(file)) ?? file, t[i - 1], t[i]);
            }
        }

        return t;
    }

    private static void CheckRows(string timeFile, string valueFile, int timeCount, NpyArray values, int columns)
    {
        if (values.Rows != timeCount)
        {
            throw SceneImportException.StreamLengthMismatch(timeFile, valueFile, timeCount, values.Rows);
        }

        if (values.Columns < columns)
        {
            throw SceneImportException.BadNpyHeader(valueFile, $"shape ({string.Join(", ", values.Shape)})", $"has '{values.Columns}' columns, but this stream needs at least '{columns}'");
        }
    }

    private static double Finite(string file, string location, string field, double value) =>
        double.IsFinite(value) ? value : throw SceneImportException.NotFinite(file, location, field, value);

    /// <summary>A local east-north-up frame tangent to the WGS84 ellipsoid at an ECEF origin.</summary>
    private sealed class Enu
    {
        private const double A = 6378137.0;
        private const double F = 1 / 298.257223563;
        private readonly double[] _origin;
        private readonly double _sinLat, _cosLat, _sinLon, _cosLon;

        public Enu(double[] origin)
        {
            _origin = origin;

            // Bowring's closed form for geodetic latitude (sub-millimetre at the Earth's surface).
            double e2 = F * (2 - F), b = A * (1 - F), ep2 = ((A * A) - (b * b)) / (b * b);
            double p = Math.Sqrt((origin[0] * origin[0]) + (origin[1] * origin[1]));
            double theta = Math.Atan2(origin[2] * A, p * b);
            double lat = Math.Atan2(origin[2] + (ep2 * b * Math.Pow(Math.Sin(theta), 3)), p - (e2 * A * Math.Pow(Math.Cos(theta), 3)));
            double lon = Math.Atan2(origin[1], origin[0]);
            (_sinLat, _cosLat, _sinLon, _cosLon) = (Math.Sin(lat), Math.Cos(lat), Math.Sin(lon), Math.Cos(lon));
        }

        public (double East, double North) Position(double[] ecef) =>
            Rotate(ecef[0] - _origin[0], ecef[1] - _origin[1], ecef[2] - _origin[2]);

        /// <summary>Heading (rad, counter-clockwise from east) of the device's forward axis.</summary>
        public double Heading(double[] q)
        {
            double w = q[0], x = q[1], y = q[2], z = q[3];
            double n = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
            (w, x, y, z) = (w / n, x / n, y / n, z / n);

            // First column of the rotation matrix: the device's forward axis in ECEF.
            var (east, north) = Rotate(1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) + (w * z)), 2 * ((x * z) - (w * y)));
            return Math.Atan2(north, east);
        }

        private (double East, double North) Rotate(double dx, double dy, double dz) =>
            ((-_sinLon * dx) + (_cosLon * dy), (-_sinLat * _cosLon * dx) - (_sinLat * _sinLon * dy) + (_cosLat * dz));
    }
}
