namespace AvEval.Geometry;

/// <summary>
/// A rectangle with a centre, a heading and a size (metres, radians): an agent's footprint.
/// Overlap is tested with the separating-axis theorem; touching edges count as overlap, as in Shapely's
/// <c>intersects</c> that nuPlan uses.
/// </summary>
/// <param name="Centre">Centre of the box, m.</param>
/// <param name="Heading">Direction of the length axis, rad.</param>
/// <param name="Length">Extent along the heading, m.</param>
/// <param name="Width">Extent across the heading, m.</param>
public readonly record struct OrientedBox(Point2 Centre, double Heading, double Length, double Width)
{
    /// <summary>Unit vector along the heading.</summary>
    public Point2 Forward => Point2.FromAngle(Heading);

    /// <summary>Unit vector to the left of the heading.</summary>
    public Point2 Left => Point2.FromAngle(Heading + (Math.PI / 2));

    /// <summary>The four corners: front-left, front-right, rear-right, rear-left.</summary>
    public Point2[] Corners()
    {
        var f = Forward * (Length / 2);
        var l = Left * (Width / 2);
        return [Centre + f + l, Centre + f - l, Centre - f - l, Centre - f + l];
    }

    /// <summary>Whether two boxes share at least one point.</summary>
    public bool Intersects(OrientedBox other)
    {
        // Separating-axis test on the two boxes' four edge normals, without allocation.
        var d = other.Centre - Centre;
        var (a0, a1) = (Forward, Left);
        var (b0, b1) = (other.Forward, other.Left);
        double ha = Length / 2, wa = Width / 2, hb = other.Length / 2, wb = other.Width / 2;
        return Overlaps(a0) && Overlaps(a1) && Overlaps(b0) && Overlaps(b1);

        bool Overlaps(Point2 axis)
        {
            double ra = (ha * Math.Abs(a0.Dot(axis))) + (wa * Math.Abs(a1.Dot(axis)));
            double rb = (hb * Math.Abs(b0.Dot(axis))) + (wb * Math.Abs(b1.Dot(axis)));
            return Math.Abs(d.Dot(axis)) <= ra + rb;
        }
    }

    /// <summary>Shortest distance between the two boxes, m; 0 when they overlap.</summary>
    public double DistanceTo(OrientedBox other)
    {
        if (Intersects(other))
        {
            return 0;
        }

        var a = Corners();
        var b = other.Corners();
        double best = double.PositiveInfinity;
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                best = Math.Min(best, SegmentDistance(a[i], b[j], b[(j + 1) % 4]));
                best = Math.Min(best, SegmentDistance(b[j], a[i], a[(i + 1) % 4]));
            }
        }

        return best;
    }

    /// <summary>Whether a point lies inside or on the box.</summary>
    public bool Contains(Point2 point)
    {
        var d = point - Centre;
        return Math.Abs(d.Dot(Forward)) <= (Length / 2) + 1e-12 && Math.Abs(d.Dot(Left)) <= (Width / 2) + 1e-12;
    }

    private static double SegmentDistance(Point2 p, Point2 a, Point2 b)
    {
        var ab = b - a;
        double len2 = ab.Dot(ab);
        double t = len2 == 0 ? 0 : Math.Clamp((p - a).Dot(ab) / len2, 0, 1);
        return p.DistanceTo(a + (ab * t));
    }
}
