using AvEval.Errors;
using AvEval.Scenes;

namespace AvEval.Import.Argoverse2;

/// <summary>
/// Imports an Argoverse 2 sensor-dataset log folder: <c>annotations.feather</c> (or <c>annotations_with_ego.feather</c>),
/// <c>city_SE3_egovehicle.feather</c>, and the vector map from <c>map/log_map_archive_*.json</c> or beside the log
/// (the lane graph is empty when there is none).
/// </summary>
/// <remarks>
/// <para>Time base: frame k is the k-th distinct annotation (lidar sweep) timestamp, at k × 0.1 s. Sweeps are
/// 96.4–103.3 ms apart in the published logs, so a frame's nominal time is within a few ms of its sweep; the exact
/// sweep times are kept on <see cref="Av2SensorLog.SweepTimestampsNs"/> and used for velocities.</para>
/// <para>Positions: each cuboid centre (ego frame) is moved into the city frame with the ego pose of the same
/// timestamp (exact match required), in the plane: (tx, ty) rotated by the ego's yaw plus the pose's (x, y). This is
/// how the shared data's derived CSVs were made (they match it to their printed 1 mm; the full SE(3) transform with
/// the ego's roll and pitch and the cuboid's tz differs by up to about 3 cm in these logs). Heading is the yaw of the
/// composed rotation city_R_ego · ego_R_object. Velocities: central differences
/// over the neighbouring sweeps, (p[k+1] − p[k−1]) / (t[k+1] − t[k−1]) on the real sweep times, one-sided at a
/// track's ends. A track seen on fewer than <see cref="MinimumSweeps"/> sweeps has no central difference and is
/// left out, listed on <see cref="Av2SensorLog.ShortTracks"/>. A track that skips a sweep is an error.</para>
/// <para>The recorded ego is the track <c>EGO</c> built from the pose at each sweep: position = the ego-vehicle
/// frame origin (as the av2-api and the <c>EGO_VEHICLE</c> cuboids of <c>annotations_with_ego</c>, which sit at
/// tx = ty = 0, place it), size from the log's <c>EGO_VEHICLE</c> cuboid or else
/// <see cref="Av2ObjectTypes.EgoVehicle"/>. <c>EGO_VEHICLE</c> annotations are not imported as a separate track.</para>
/// <para>Provenance hash: SHA-256 over the annotations, the pose file and the map JSON, in that order.</para>
/// </remarks>
public sealed class Av2SensorLogImporter : ISceneImporter
{
    /// <summary>Fewest sweeps a track needs to be imported (a central difference needs three).</summary>
    public const int MinimumSweeps = 3;

    /// <summary>Nominal seconds between sweeps (10 Hz lidar).</summary>
    public const double StepSeconds = 0.1;

    /// <summary>The recorded ego's track id.</summary>
    public static TrackId Ego { get; } = new("EGO");

    /// <inheritdoc/>
    public string FormatName => "Argoverse 2 sensor log (annotations + city_SE3_egovehicle Feather, vector map JSON)";

    /// <inheritdoc/>
    public bool CanImport(string path) =>
        Directory.Exists(path) && Annotations(path) is not null && File.Exists(Path.Combine(path, "city_SE3_egovehicle.feather"));

    /// <inheritdoc/>
    public Scene Import(string path) => ImportLog(path).Scene;

    /// <summary>Imports the log with what was left out of the scene.</summary>
    /// <exception cref="SceneImportException">A file is missing or malformed.</exception>
    public Av2SensorLog ImportLog(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!CanImport(path))
        {
            throw SceneImportException.UnknownFormat(path, [FormatName]);
        }

        var annotationsFile = Annotations(path)!;
        var poseFile = Path.Combine(path, "city_SE3_egovehicle.feather");
        var mapFile = Map(path);

        var poses = ReadPoses(poseFile);
        var a = FeatherTable.Read(annotationsFile);
        var ts = a.Longs("timestamp_ns");
        var uuid = a.Strings("track_uuid");
        var category = a.Strings("category");
        var length = a.Doubles("length_m");
        var width = a.Doubles("width_m");
        var q = new[] { a.Doubles("qw"), a.Doubles("qx"), a.Doubles("qy"), a.Doubles("qz") };
        var tx = a.Doubles("tx_m");
        var ty = a.Doubles("ty_m");
        var tz = a.Doubles("tz_m");

        var sweeps = ts.Distinct().Order().ToArray();
        var frameOf = new Dictionary<long, int>(sweeps.Length);
        for (int k = 0; k < sweeps.Length; k++)
        {
            frameOf[sweeps[k]] = k;
        }

        var egoSize = Av2ObjectTypes.EgoVehicle;
        var order = new List<string>();
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int row = 0; row < a.RowCount; row++)
        {
            var at = $"row {row}, track '{uuid[row]}'";
            foreach (var (name, value) in new[] { ("length_m", length[row]), ("width_m", width[row]), ("qw", q[0][row]), ("qx", q[1][row]), ("qy", q[2][row]), ("qz", q[3][row]), ("tx_m", tx[row]), ("ty_m", ty[row]), ("tz_m", tz[row]) })
            {
                if (!double.IsFinite(value))
                {
                    throw SceneImportException.NotFinite(annotationsFile, at, name, value);
                }
            }

            if (length[row] <= 0 || width[row] <= 0)
            {
                throw SceneImportException.BadBox(annotationsFile, at, uuid[row], length[row], width[row]);
            }

            if (!poses.ContainsKey(ts[row]))
            {
                throw SceneImportException.NoEgoPose(annotationsFile, $"row {row}", ts[row], poseFile);
            }

            if (category[row] == "EGO_VEHICLE")
            {
                egoSize = new BoxSize(length[row], width[row]);
                continue;
            }

            if (!rowsOf.TryGetValue(uuid[row], out var rows))
            {
                rowsOf[uuid[row]] = rows = [];
                order.Add(uuid[row]);
            }

            rows.Add(row);
        }

        var tracks = new List<Track> { EgoTrack(sweeps, poses, egoSize) };
        var shortTracks = new List<TrackId>();
        foreach (var id in order)
        {
            var rows = rowsOf[id];
            rows.Sort((i, j) => ts[i].CompareTo(ts[j]));
            for (int i = 1; i < rows.Count; i++)
            {
                int previous = frameOf[ts[rows[i - 1]]], current = frameOf[ts[rows[i]]];
                if (current == previous)
                {
                    var time = (ts[rows[i]] - sweeps[0]) * 1e-9;
                    throw SceneImportException.TimeNotIncreasing(annotationsFile, $"rows {rows[i - 1]} and {rows[i]}, timestamp_ns {ts[rows[i]]}", id, time, time);
                }

                if (current != previous + 1)
                {
                    throw SceneImportException.TrackGap(annotationsFile, $"row {rows[i]}", id, previous, current);
                }
            }

            if (rows.Count < MinimumSweeps)
            {
                shortTracks.Add(new TrackId(id));
                continue;
            }

            var times = new double[rows.Count];
            var xy = new (double X, double Y, double Heading)[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                int row = rows[i];
                var pose = poses[ts[row]];
                var r = Rotation(annotationsFile, $"row {row}, track '{id}'", q[0][row], q[1][row], q[2][row], q[3][row]);
                var city = Multiply(pose.R, r);
                // Planar: the ego's yaw only, as the derived CSVs do (see remarks).
                double yaw = Math.Atan2(pose.R[3], pose.R[0]);
                xy[i] = (
                    (Math.Cos(yaw) * tx[row]) - (Math.Sin(yaw) * ty[row]) + pose.T[0],
                    (Math.Sin(yaw) * tx[row]) + (Math.Cos(yaw) * ty[row]) + pose.T[1],
                    Math.Atan2(city[3], city[0]));
                times[i] = (ts[row] - sweeps[0]) * 1e-9;
            }

            var category0 = category[rows[0]];
            tracks.Add(new Track(
                new TrackId(id),
                Av2ObjectTypes.SensorKind(category0),
                category0,
                new BoxSize(length[rows[0]], width[rows[0]]),
                frameOf[ts[rows[0]]],
                WithVelocities(times, xy),
                hasAcceleration: false));
        }

        var lanes = mapFile is null ? LaneGraph.Empty : Av2VectorMap.Read(mapFile);
        string[] hashed = mapFile is null ? [annotationsFile, poseFile] : [annotationsFile, poseFile, mapFile];
        var provenance = new Provenance("Argoverse 2 sensor", "CC BY-NC-SA 4.0", path, Sha256.OfFiles(hashed));
        var logId = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        var scene = new Scene(logId, new TimeBase(0, StepSeconds, sweeps.Length), tracks, lanes, provenance, Ego);
        PlausibilityLimits.Check(path, scene);
        return new Av2SensorLog(scene, shortTracks, sweeps);
    }

    private static string? Annotations(string folder)
    {
        foreach (var name in new[] { "annotations.feather", "annotations_with_ego.feather" })
        {
            var file = Path.Combine(folder, name);
            if (File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    private static string? Map(string folder)
    {
        var mapFolder = Path.Combine(folder, "map");
        var found = (Directory.Exists(mapFolder) ? Directory.GetFiles(mapFolder, "log_map_archive_*.json") : [])
            .Concat(Directory.GetFiles(folder, "log_map_archive_*.json"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return found.Length > 0 ? found[0] : null;
    }

    private sealed record Pose(double[] R, double[] T);

    private static Dictionary<long, Pose> ReadPoses(string file)
    {
        var p = FeatherTable.Read(file);
        var ts = p.Longs("timestamp_ns");
        var q = new[] { p.Doubles("qw"), p.Doubles("qx"), p.Doubles("qy"), p.Doubles("qz") };
        var t = new[] { p.Doubles("tx_m"), p.Doubles("ty_m"), p.Doubles("tz_m") };
        var poses = new Dictionary<long, Pose>(p.RowCount);
        for (int row = 0; row < p.RowCount; row++)
        {
            if (row > 0 && ts[row] <= ts[row - 1])
            {
                throw SceneImportException.TimeNotIncreasing(file, $"row {row}", "ego pose", ts[row - 1] * 1e-9, ts[row] * 1e-9);
            }

            foreach (var (name, value) in new[] { ("qw", q[0][row]), ("qx", q[1][row]), ("qy", q[2][row]), ("qz", q[3][row]), ("tx_m", t[0][row]), ("ty_m", t[1][row]), ("tz_m", t[2][row]) })
            {
                if (!double.IsFinite(value))
                {
                    throw SceneImportException.NotFinite(file, $"row {row}", name, value);
                }
            }

            poses[ts[row]] = new Pose(Rotation(file, $"row {row}", q[0][row], q[1][row], q[2][row], q[3][row]), [t[0][row], t[1][row], t[2][row]]);
        }

        return poses;
    }

    // Times are taken relative to the first sweep in integer ns first: absolute ns × 1e-9 (~3e8 s) keeps only ~60 ns.
    private static Track EgoTrack(long[] sweeps, Dictionary<long, Pose> poses, BoxSize size)
    {
        var times = new double[sweeps.Length];
        var xy = new (double X, double Y, double Heading)[sweeps.Length];
        for (int k = 0; k < sweeps.Length; k++)
        {
            var pose = poses[sweeps[k]];
            xy[k] = (pose.T[0], pose.T[1], Math.Atan2(pose.R[3], pose.R[0]));
            times[k] = (sweeps[k] - sweeps[0]) * 1e-9;
        }

        return new Track(Ego, AgentKind.Vehicle, "EGO_VEHICLE", size, 0, WithVelocities(times, xy), hasAcceleration: false);
    }

    /// <summary>Central differences on the real sample times; one-sided at the ends.</summary>
    private static AgentState[] WithVelocities(double[] t, (double X, double Y, double Heading)[] p)
    {
        int n = p.Length;
        var states = new AgentState[n];
        for (int i = 0; i < n; i++)
        {
            int a = n == 1 ? i : Math.Max(0, i - 1), b = n == 1 ? i : Math.Min(n - 1, i + 1);
            double dt = t[b] - t[a];
            double vx = dt > 0 ? (p[b].X - p[a].X) / dt : 0, vy = dt > 0 ? (p[b].Y - p[a].Y) / dt : 0;
            states[i] = new AgentState(p[i].X, p[i].Y, p[i].Heading, vx, vy);
        }

        return states;
    }

    /// <summary>Row-major 3×3 rotation of a unit Hamilton quaternion (normalised first).</summary>
    private static double[] Rotation(string file, string location, double w, double x, double y, double z)
    {
        double n = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        if (!(n > 0) || !double.IsFinite(n))
        {
            // A zero quaternion would normalise to NaN and leak NaN positions and headings into the scene.
            throw SceneImportException.BadValue(file, location, "qw, qx, qy, qz", $"{w}, {x}, {y}, {z}", "a rotation quaternion of non-zero, finite norm");
        }
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return
        [
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (w * z)), 2 * ((x * z) + (w * y)),
            2 * ((x * y) + (w * z)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (w * x)),
            2 * ((x * z) - (w * y)), 2 * ((y * z) + (w * x)), 1 - (2 * ((x * x) + (y * y))),
        ];
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                c[(3 * i) + j] = (a[3 * i] * b[j]) + (a[(3 * i) + 1] * b[3 + j]) + (a[(3 * i) + 2] * b[6 + j]);
            }
        }

        return c;
    }
}
