using System.Text.Json;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Import.Argoverse2;

/// <summary>
/// Reads the lane segments of an Argoverse 2 vector map (<c>log_map_archive_*.json</c>) into a <see cref="LaneGraph"/>.
/// </summary>
/// <remarks>
/// Centrelines: the map's own <c>centerline</c> where present (motion-forecasting maps), else computed as the
/// av2-api does (<c>ArgoverseStaticMap.get_lane_segment_centerline</c>): both boundaries resampled to
/// <see cref="CenterlinePoints"/> points equally spaced by chordal arc length (<c>interp_arc</c>) and averaged.
/// The arc length is measured in the plane (x, y), as the shared data's derived lane CSVs were made; the av2-api
/// passes x, y, z, which moves the points by up to about 6 mm on these maps.
/// Neighbours: <c>left/right_neighbor_id</c> as listed, which in the published maps also name lanes of the
/// opposite direction (about a third of the links); <see cref="LaneNeighbour.SameDirection"/> is true when the
/// neighbour's centreline runs start-to-end at an acute angle to this lane's. A neighbour id that is not a lane of
/// the map (outside its crop) is not linked. Predecessors and successors are kept as listed, even outside the crop.
/// <c>is_intersection</c> becomes <see cref="Lane.IsIntersection"/> (false when absent).
/// </remarks>
public static class Av2VectorMap
{
    /// <summary>Points of a computed centreline: av2-api <c>NUM_CENTERLINE_INTERP_PTS</c>.</summary>
    public const int CenterlinePoints = 10;

    private sealed record RawLane(LaneId Id, double[][] Left, double[][] Right, double[][]? Centre, List<LaneId> Predecessors, List<LaneId> Successors, LaneId? LeftId, LaneId? RightId, bool IsIntersection);

    /// <summary>Reads the lane graph of a vector map file.</summary>
    /// <exception cref="SceneImportException">The file is not a vector map or a lane segment is malformed.</exception>
    public static LaneGraph Read(string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException e)
        {
            throw SceneImportException.BadMap(file, $"line {e.LineNumber + 1}", $"is not valid JSON ('{e.Message}')", e);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw SceneImportException.BadMap(file, "", $"is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object with 'lane_segments'");
            }

            if (!doc.RootElement.TryGetProperty("lane_segments", out var segments) || segments.ValueKind != JsonValueKind.Object)
            {
                throw SceneImportException.BadMap(file, "", "has no 'lane_segments' object");
            }

            var raw = new List<RawLane>();
            try
            {
                foreach (var segment in segments.EnumerateObject())
                {
                    raw.Add(ReadLane(file, segment.Name, segment.Value));
                }
            }
            catch (InvalidOperationException e)
            {
                // JsonDocument checks the UTF-8 of names only when they are read (a lane id with invalid bytes).
                throw SceneImportException.BadMap(file, "lane_segments", $"has a lane segment id that is not valid UTF-8 ('{e.Message}')", e);
            }

            if (raw.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                throw SceneImportException.BadMap(file, $"lane_segments / {repeated.Key}", "has this lane segment id twice");
            }

            var centres = raw.ToDictionary(r => r.Id, r => r.Centre is null ? MidpointLine(r.Left, r.Right) : r.Centre.Select(p => new Point2(p[0], p[1])).ToArray());
            return new LaneGraph(raw.Select(r => new Lane(
                r.Id,
                [.. r.Left.Select(p => new Point2(p[0], p[1]))],
                [.. r.Right.Select(p => new Point2(p[0], p[1]))],
                centres[r.Id],
                r.Predecessors,
                r.Successors,
                Neighbour(r.LeftId, centres[r.Id], centres),
                Neighbour(r.RightId, centres[r.Id], centres)) { IsIntersection = r.IsIntersection }));
        }
    }

    /// <summary>
    /// The av2-api centreline of a lane segment: both boundaries resampled to <paramref name="count"/> points by
    /// planar chordal arc length and averaged.
    /// </summary>
    public static Point2[] MidpointLine(IReadOnlyList<double[]> left, IReadOnlyList<double[]> right, int count = CenterlinePoints)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var l = InterpolateArc(left, count);
        var r = InterpolateArc(right, count);
        var centre = new Point2[count];
        for (int i = 0; i < count; i++)
        {
            centre[i] = new Point2((l[i][0] + r[i][0]) / 2.0, (l[i][1] + r[i][1]) / 2.0);
        }

        return centre;
    }

    /// <summary>av2-api <c>interp_arc</c>: <paramref name="count"/> points equally spaced in planar chordal arc length along a polyline.</summary>
    private static double[][] InterpolateArc(IReadOnlyList<double[]> points, int count)
    {
        // Consecutive repeated points have zero chord length and are dropped, as in the av2-api.
        var pts = new List<double[]>();
        foreach (var p in points)
        {
            if (pts.Count == 0 || !p.SequenceEqual(pts[^1]))
            {
                pts.Add(p);
            }
        }

        int n = pts.Count;
        var chord = new double[n - 1];
        double total = 0;
        for (int i = 0; i < n - 1; i++)
        {
            double dx = pts[i + 1][0] - pts[i][0], dy = pts[i + 1][1] - pts[i][1];
            chord[i] = Math.Sqrt((dx * dx) + (dy * dy));
            total += chord[i];
        }

        var cum = new double[n];
        for (int i = 0; i < n - 1; i++)
        {
            chord[i] /= total;
            cum[i + 1] = cum[i] + chord[i];
        }

        var result = new double[count][];
        for (int k = 0; k < count; k++)
        {
            double s = count == 1 ? 0 : (double)k / (count - 1);

            // np.digitize: the bin index b with cum[b-1] <= s < cum[b]; then clamped to 1..n-1.
            int bin = 0;
            while (bin < n && cum[bin] <= s)
            {
                bin++;
            }

            if (bin <= 0 || s <= 0)
            {
                bin = 1;
            }

            if (bin >= n || s >= 1)
            {
                bin = n - 1;
            }

            double f = (s - cum[bin - 1]) / chord[bin - 1];
            var a = pts[bin - 1];
            var b = pts[bin];
            result[k] = [a[0] + ((b[0] - a[0]) * f), a[1] + ((b[1] - a[1]) * f), a[2] + ((b[2] - a[2]) * f)];
        }

        return result;
    }

    private static LaneNeighbour? Neighbour(LaneId? id, Point2[] centre, Dictionary<LaneId, Point2[]> centres)
    {
        if (id is not { } neighbour)
        {
            return null;
        }

        // A neighbour outside this map's crop cannot be placed or its direction judged: it is not linked.
        if (!centres.TryGetValue(neighbour, out var other))
        {
            return null;
        }

        var mine = centre[^1] - centre[0];
        var theirs = other[^1] - other[0];
        return new LaneNeighbour(neighbour, mine.Dot(theirs) > 0);
    }

    private static RawLane ReadLane(string file, string key, JsonElement lane)
    {
        var location = $"lane_segments['{key}']";
        try
        {
            var left = Polyline(file, location, lane, "left_lane_boundary", required: true)!;
            var right = Polyline(file, location, lane, "right_lane_boundary", required: true)!;
            var centre = Polyline(file, location, lane, "centerline", required: false);
            return new RawLane(
                new LaneId(key),
                left,
                right,
                centre,
                Ids(lane, "predecessors"),
                Ids(lane, "successors"),
                OptionalId(lane, "left_neighbor_id"),
                OptionalId(lane, "right_neighbor_id"),
                lane.TryGetProperty("is_intersection", out var intersection) && intersection.GetBoolean());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw SceneImportException.BadMap(file, location, $"is malformed ('{e.Message}')", e);
        }
    }

    private static double[][]? Polyline(string file, string location, JsonElement lane, string name, bool required)
    {
        if (!lane.TryGetProperty(name, out var line) || line.ValueKind == JsonValueKind.Null)
        {
            return required ? throw SceneImportException.BadMap(file, location, $"has no '{name}'") : null;
        }

        var points = line.EnumerateArray()
            .Select(p => new[] { p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble(), p.TryGetProperty("z", out var z) ? z.GetDouble() : 0.0 })
            .ToArray();
        if (points.Length < 2 || points.Any(p => p.Any(v => !double.IsFinite(v))))
        {
            throw SceneImportException.BadMap(file, location, $"'{name}' needs at least two finite points but has '{points.Length}' points");
        }

        if (points.Skip(1).All(p => p.SequenceEqual(points[0])))
        {
            throw SceneImportException.BadMap(file, location, $"'{name}' has all its points at the same place");
        }

        return points;
    }

    private static List<LaneId> Ids(JsonElement lane, string name) =>
        lane.TryGetProperty(name, out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Select(i => new LaneId(IdText(i)))]
            : [];

    private static LaneId? OptionalId(JsonElement lane, string name) =>
        lane.TryGetProperty(name, out var id) && id.ValueKind != JsonValueKind.Null ? new LaneId(IdText(id)) : null;

    private static string IdText(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
}
