using System.Xml.Linq;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Import.CommonRoad;

/// <summary>The lanelets that lie inside the intersections of a CommonRoad 2020a file.</summary>
internal static class IntersectionLanes
{
    /// <summary>
    /// For each <c>intersection</c>: every lanelet named by an incoming's <c>successorsRight</c>,
    /// <c>successorsStraight</c> or <c>successorsLeft</c> (the lanelets that follow the incoming lanelets into the
    /// intersection) and by a <c>crossing</c>'s <c>crossingLanelet</c>; then, following successor links from those,
    /// every lanelet whose centreline midpoint (half its arc length) lies in the convex hull of the end points of the
    /// intersection's incoming lanelets (where traffic enters: the stop lines), stopping at the first one outside.
    /// </summary>
    /// <remarks>
    /// The format names only the first lanelet of each path through the intersection; the NGSIM maps split a path
    /// into two to four lanelets, so the successors alone would leave most of the intersection unmarked. A file
    /// without <c>intersection</c> elements (every 2018b file) marks nothing.
    /// </remarks>
    public static HashSet<LaneId> Read(CommonRoadXml xml, XElement root, IReadOnlyList<Lane> lanes)
    {
        var byId = lanes.ToDictionary(l => l.Id.Value, StringComparer.Ordinal);
        var inside = new HashSet<LaneId>();
        var ordinal = 0;
        foreach (var intersection in root.Elements("intersection"))
        {
            ordinal++;
            var id = intersection.Attribute("id")?.Value;
            var path = string.IsNullOrWhiteSpace(id) ? $"intersection[{ordinal}]" : $"intersection id='{id}'";
            var entryEnds = new List<Point2>();
            var named = new List<Lane>();
            foreach (var incoming in intersection.Elements("incoming"))
            {
                var incomingPath = $"{path} / incoming id='{incoming.Attribute("id")?.Value}'";
                foreach (var reference in incoming.Elements("incomingLanelet"))
                {
                    var lane = Resolve(xml, reference, $"{incomingPath} / incomingLanelet", id, byId);
                    entryEnds.Add(lane.LeftBound[^1]);
                    entryEnds.Add(lane.RightBound[^1]);
                }

                foreach (var reference in incoming.Elements().Where(e => e.Name.LocalName is "successorsRight" or "successorsStraight" or "successorsLeft"))
                {
                    named.Add(Resolve(xml, reference, $"{incomingPath} / {reference.Name.LocalName}", id, byId));
                }
            }

            foreach (var reference in intersection.Elements("crossing").Elements("crossingLanelet"))
            {
                named.Add(Resolve(xml, reference, $"{path} / crossing / crossingLanelet", id, byId));
            }

            var hull = ConvexHull(entryEnds);
            var pending = new Stack<LaneId>();
            foreach (var lane in named)
            {
                if (inside.Add(lane.Id))
                {
                    lane.Successors.ToList().ForEach(pending.Push);
                }
            }

            while (pending.Count > 0)
            {
                var lane = byId[pending.Pop().Value];
                if (!inside.Contains(lane.Id) && Contains(hull, Midpoint(lane.Centerline)))
                {
                    inside.Add(lane.Id);
                    lane.Successors.ToList().ForEach(pending.Push);
                }
            }
        }

        return inside;
    }

    private static Lane Resolve(CommonRoadXml xml, XElement reference, string path, string? intersection, Dictionary<string, Lane> byId)
    {
        var id = xml.RequiredAttribute(reference, "ref", path);
        return byId.TryGetValue(id, out var lane)
            ? lane
            : throw SceneImportException.UnknownIntersectionLane(xml.File, CommonRoadXml.Location(reference, path), intersection ?? "", id);
    }

    private static Point2 Midpoint(IReadOnlyList<Point2> line)
    {
        var length = 0.0;
        for (var i = 1; i < line.Count; i++)
        {
            length += (line[i] - line[i - 1]).Length;
        }

        var remaining = length / 2;
        for (var i = 1; i < line.Count; i++)
        {
            var segment = (line[i] - line[i - 1]).Length;
            if (segment > 0 && remaining <= segment)
            {
                return line[i - 1] + ((line[i] - line[i - 1]) * (remaining / segment));
            }

            remaining -= segment;
        }

        return line[^1];
    }

    // Andrew's monotone chain, counter-clockwise, collinear points dropped.
    private static List<Point2> ConvexHull(List<Point2> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return [];
        }

        var hull = new List<Point2>(2 * sorted.Count);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && (hull[^1] - hull[^2]).Cross(p - hull[^2]) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    // Inside or on the boundary of a counter-clockwise convex polygon; an empty or degenerate hull contains nothing.
    private static bool Contains(List<Point2> hull, Point2 point)
    {
        if (hull.Count < 3)
        {
            return false;
        }

        for (var i = 0; i < hull.Count; i++)
        {
            var a = hull[i];
            var b = hull[(i + 1) % hull.Count];
            if ((b - a).Cross(point - a) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
