using AvEval.Geometry;

namespace AvEval.Kinematics;

/// <summary>
/// A lane centreline as a polyline with arc lengths, for Frenet coordinates (<see cref="FrenetPoint"/>).
/// A point is projected onto the nearest segment. Before the first point and past the last one the end segments
/// are extended as straight lines, so that S keeps growing linearly (negative before the start, above
/// <see cref="Length"/> past the end) and D stays the perpendicular offset from that extended line.
/// Repeated points (zero-length segments) are dropped.
/// </summary>
public sealed class LanePath
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _cumulative;

    /// <summary>Creates a path from a polyline in driving direction.</summary>
    /// <param name="points">At least two distinct points, m.</param>
    /// <exception cref="ArgumentException">Fewer than two distinct points.</exception>
    public LanePath(IReadOnlyList<Point2> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var xs = new List<double>(points.Count);
        var ys = new List<double>(points.Count);
        foreach (var p in points)
        {
            if (xs.Count == 0 || p.X != xs[^1] || p.Y != ys[^1])
            {
                xs.Add(p.X);
                ys.Add(p.Y);
            }
        }

        if (xs.Count < 2)
        {
            throw new ArgumentException($"A lane path needs at least two distinct points, but '{points.Count}' points give '{xs.Count}' distinct ones.", nameof(points));
        }

        _x = [.. xs];
        _y = [.. ys];
        _cumulative = new double[_x.Length];
        for (int i = 1; i < _x.Length; i++)
        {
            _cumulative[i] = _cumulative[i - 1] + Math.Sqrt(Square(_x[i] - _x[i - 1]) + Square(_y[i] - _y[i - 1]));
        }
    }

    /// <summary>Length of the polyline, m.</summary>
    public double Length => _cumulative[^1];

    /// <summary>Number of distinct points.</summary>
    public int PointCount => _x.Length;

    /// <summary>The Frenet coordinates of a point (see the class remarks for the ends).</summary>
    public FrenetPoint Project(Point2 point) => Project(point, out _);

    /// <summary>The Frenet coordinates of a point, and the index of the segment it was projected onto.</summary>
    public FrenetPoint Project(Point2 point, out int segment)
    {
        double px = point.X, py = point.Y;
        int last = _x.Length - 2;
        double best = double.PositiveInfinity;
        int bestSegment = 0;
        double bestT = 0;
        for (int i = 0; i <= last; i++)
        {
            double ax = _x[i], ay = _y[i];
            double ux = _x[i + 1] - ax, uy = _y[i + 1] - ay;
            double len2 = (ux * ux) + (uy * uy);
            double t = (((px - ax) * ux) + ((py - ay) * uy)) / len2;
            double tc = Math.Clamp(t, 0, 1);
            double dx = px - (ax + (tc * ux)), dy = py - (ay + (tc * uy));
            double dist2 = (dx * dx) + (dy * dy);
            if (dist2 < best)
            {
                best = dist2;
                bestSegment = i;
                bestT = t;
            }
        }

        segment = bestSegment;
        double sx = _x[bestSegment + 1] - _x[bestSegment], sy = _y[bestSegment + 1] - _y[bestSegment];
        double segLength = _cumulative[bestSegment + 1] - _cumulative[bestSegment];
        double rx = px - _x[bestSegment], ry = py - _y[bestSegment];
        double cross = ((sx * ry) - (sy * rx)) / segLength;

        // Interior segments clamp to the segment (the offset is then the distance to its nearest point); the first
        // segment extends backwards and the last forwards, so that S and D stay continuous past the ends.
        bool extrapolate = (bestSegment == 0 && bestT < 0) || (bestSegment == last && bestT > 1);
        double tUsed = extrapolate ? bestT : Math.Clamp(bestT, 0, 1);
        double s = _cumulative[bestSegment] + (tUsed * segLength);
        double d = extrapolate ? cross : Math.CopySign(Math.Sqrt(best), cross);
        return new FrenetPoint(s, d);
    }

    /// <summary>The point at an arc length; S outside [0, <see cref="Length"/>] is extrapolated along the end segments.</summary>
    public Point2 PointAt(double s)
    {
        int i = SegmentAt(s);
        double segLength = _cumulative[i + 1] - _cumulative[i];
        double t = (s - _cumulative[i]) / segLength;
        return new Point2(_x[i] + (t * (_x[i + 1] - _x[i])), _y[i] + (t * (_y[i + 1] - _y[i])));
    }

    /// <summary>Direction of travel at an arc length, rad (the heading of the segment holding it).</summary>
    public double HeadingAt(double s) => SegmentHeading(SegmentAt(s));

    /// <summary>Heading of one segment, rad.</summary>
    public double SegmentHeading(int segment) => Math.Atan2(_y[segment + 1] - _y[segment], _x[segment + 1] - _x[segment]);

    private int SegmentAt(double s)
    {
        int index = Array.BinarySearch(_cumulative, s);
        int i = index >= 0 ? index : ~index - 1;
        return Math.Clamp(i, 0, _x.Length - 2);
    }

    private static double Square(double v) => v * v;
}
