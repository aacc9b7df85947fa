using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Candidates.Internal;

/// <summary>
/// A lane's centreline joined with its predecessors behind and its successors ahead into one path (the lane graph cuts
/// a road into lanelets of tens of metres), parametrised by arc length, and which lanelet holds each stretch. Where a
/// lanelet has several successors (or predecessors) the one that continues most straight is taken; past the last
/// lanelet the path goes straight on. Points closer than 1 cm to the previous one are dropped (as <see cref="RecordedPath"/> does).
/// </summary>
internal sealed class LaneChain
{
    private const double MinimumSpacing = 0.01;

    private readonly int[] _lanes;
    private readonly double[] _starts;

    private LaneChain(RecordedPath path, int[] lanes, double[] starts)
    {
        Path = path;
        _lanes = lanes;
        _starts = starts;
    }

    /// <summary>The joined centreline.</summary>
    public RecordedPath Path { get; }

    /// <summary>The lanelet the chain was built from.</summary>
    public int Origin { get; private init; }

    /// <summary>Builds the chain of a lanelet with at least <paramref name="behind"/> m of predecessors and
    /// <paramref name="ahead"/> m of successors (fewer where the graph ends), extended straight by <paramref name="extension"/> m.</summary>
    public static LaneChain Build(SceneLaneIndex index, IReadOnlyDictionary<LaneId, int> ids, int lane, double behind, double ahead, double extension)
    {
        var backward = new List<int>();
        var visited = new HashSet<int> { lane };
        double length = 0;
        for (int current = lane; length < behind;)
        {
            int previous = Straightest(index, current, index.LaneAt(current).Predecessors.Select(id => ids.TryGetValue(id, out int i) ? i : -1), forward: false, visited);
            if (previous < 0)
            {
                break;
            }

            backward.Add(previous);
            visited.Add(previous);
            length += index.PathOf(previous).Length;
            current = previous;
        }

        backward.Reverse();
        var order = new List<int>(backward) { lane };
        length = index.PathOf(lane).Length;
        for (int current = lane; length < ahead;)
        {
            var successors = index.SuccessorsOf(current).ToArray();
            int next = Straightest(index, current, successors, forward: true, visited);
            if (next < 0)
            {
                break;
            }

            order.Add(next);
            visited.Add(next);
            length += index.PathOf(next).Length;
            current = next;
        }

        var points = new List<Point2>();
        var lanes = new List<int>();
        var starts = new List<double>();
        double s = 0;
        foreach (int l in order)
        {
            lanes.Add(l);
            starts.Add(s);
            foreach (var p in index.LaneAt(l).Centerline)
            {
                if (points.Count == 0)
                {
                    points.Add(p);
                }
                else if (p.DistanceTo(points[^1]) >= MinimumSpacing)
                {
                    s += p.DistanceTo(points[^1]);
                    points.Add(p);
                }
            }
        }

        var heading = index.PathOf(order[^1]).HeadingAt(double.MaxValue);
        return new LaneChain(new RecordedPath(points, heading, extension), [.. lanes], [.. starts]) { Origin = lane };
    }

    /// <summary>The lanelet holding arc length <paramref name="s"/> (the last one past the end, the first before the start).</summary>
    public int LaneAt(double s)
    {
        int i = Array.BinarySearch(_starts, s);
        i = i >= 0 ? i : Math.Max(0, ~i - 1);
        return _lanes[i];
    }

    /// <summary>Where a lanelet of the chain starts, m; null when the chain does not hold it.</summary>
    public double? StartOf(int lane)
    {
        int i = Array.IndexOf(_lanes, lane);
        return i < 0 ? null : _starts[i];
    }

    private static int Straightest(SceneLaneIndex index, int from, IEnumerable<int> candidates, bool forward, HashSet<int> visited)
    {
        var here = index.PathOf(from);
        double heading = forward ? here.HeadingAt(double.MaxValue) : here.HeadingAt(double.MinValue);
        int best = -1;
        double bestTurn = double.PositiveInfinity;
        foreach (int c in candidates)
        {
            if (c < 0 || visited.Contains(c))
            {
                continue;
            }

            var path = index.PathOf(c);
            double turn = Math.Abs(Math.IEEERemainder((forward ? path.HeadingAt(double.MinValue) : path.HeadingAt(double.MaxValue)) - heading, 2 * Math.PI));
            if (turn < bestTurn)
            {
                (best, bestTurn) = (c, turn);
            }
        }

        return best;
    }
}
