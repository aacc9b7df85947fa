using AvEval.Geometry;

namespace AvEval.Candidates.Internal;

/// <summary>
/// The recorded ego's box-centre polyline, parametrised by arc length and extended straight past its end (along its
/// last direction) so that a candidate faster than the human still has a path. Points closer than 1 cm to the previous
/// one are dropped, so that a stationary ego's jitter does not turn the path around.
/// </summary>
internal sealed class RecordedPath
{
    private const double MinimumSpacing = 0.01;

    // Heading is the direction of the chord from s − h to s + h: smooth across vertices, and still "from the path".
    private const double HeadingHalfChord = 1.0;

    private readonly Point2[] _points;
    private readonly double[] _s;

    public RecordedPath(IReadOnlyList<Point2> recorded, double fallbackHeading, double extension)
    {
        var points = new List<Point2> { recorded[0] };
        foreach (var p in recorded.Skip(1))
        {
            if (p.DistanceTo(points[^1]) >= MinimumSpacing)
            {
                points.Add(p);
            }
        }

        var direction = points.Count > 1 ? Unit(points[^1] - points[^2]) : Point2.FromAngle(fallbackHeading);
        points.Add(points[^1] + (direction * extension));
        _points = [.. points];
        _s = new double[_points.Length];
        for (var i = 1; i < _points.Length; i++)
        {
            _s[i] = _s[i - 1] + _points[i].DistanceTo(_points[i - 1]);
        }
    }

    public double Length => _s[^1];

    public Point2 PointAt(double s)
    {
        var i = Segment(s);
        var t = (s - _s[i]) / (_s[i + 1] - _s[i]);
        return _points[i] + ((_points[i + 1] - _points[i]) * Math.Clamp(t, 0, 1));
    }

    public double HeadingAt(double s)
    {
        var chord = PointAt(Math.Min(s + HeadingHalfChord, Length)) - PointAt(Math.Max(s - HeadingHalfChord, 0));
        return Math.Atan2(chord.Y, chord.X);
    }

    public Point2 TangentAt(double s) => Point2.FromAngle(HeadingAt(s));

    /// <summary>The nearest point of the path between arc lengths lo and hi: its arc length and the signed lateral offset (left positive).</summary>
    public (double S, double Offset, double Distance) Project(Point2 p, double lo, double hi)
    {
        var first = Segment(Math.Max(lo, 0));
        var last = Segment(Math.Min(hi, Length));
        (double S, double Offset, double Distance) best = (0, 0, double.PositiveInfinity);
        for (var i = first; i <= last; i++)
        {
            var a = _points[i];
            var ab = _points[i + 1] - a;
            var length = _s[i + 1] - _s[i];
            var t = Math.Clamp((p - a).Dot(ab) / (length * length), 0, 1);
            var foot = a + (ab * t);
            var distance = p.DistanceTo(foot);
            if (distance < best.Distance)
            {
                best = (_s[i] + (t * length), ab.Cross(p - a) / length, distance);
            }
        }

        return best;
    }

    private int Segment(double s)
    {
        var i = Array.BinarySearch(_s, s);
        i = i >= 0 ? i : ~i - 1;
        return Math.Clamp(i, 0, _s.Length - 2);
    }

    private static Point2 Unit(Point2 v) => v * (1 / v.Length);
}
