using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>Point-in-lane and lane relations on a scene's lane graph.</summary>
internal static class LaneGeometry
{
    /// <summary>Whether the point lies in the lane's polygon (left bound, then the right bound reversed); even-odd rule.</summary>
    public static bool Contains(Lane lane, Point2 p)
    {
        var left = lane.LeftBound;
        var right = lane.RightBound;
        int n = left.Count + right.Count;
        if (n < 3)
        {
            return false;
        }

        bool inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            var a = Vertex(i);
            var b = Vertex(j);
            if ((a.Y > p.Y) != (b.Y > p.Y) && p.X < ((b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;

        Point2 Vertex(int k) => k < left.Count ? left[k] : right[right.Count - 1 - (k - left.Count)];
    }

    /// <summary>Whether two lanes are the same, successive, or side by side (a lane change, not a crossing).</summary>
    public static bool Related(Lane a, Lane b) =>
        a.Id == b.Id
        || a.Successors.Contains(b.Id) || a.Predecessors.Contains(b.Id)
        || a.Left?.Lane == b.Id || a.Right?.Lane == b.Id
        || b.Left?.Lane == a.Id || b.Right?.Lane == a.Id;

    /// <summary>Whether two lanes are the same or connected end to end.</summary>
    public static bool Connected(Lane a, Lane b) =>
        a.Id == b.Id || a.Successors.Contains(b.Id) || a.Predecessors.Contains(b.Id);
}
