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
        var corners = new Point2[4];
        CornersInto(corners);
        return corners;
    }

    /// <summary>The four corners, as <see cref="Corners"/>, into a caller-provided span (no allocation).</summary>
    /// <param name="corners">Receives front-left, front-right, rear-right, rear-left; at least 4 long.</param>
    public void CornersInto(Span<Point2> corners)
    {
        var f = Forward * (Length / 2);
        var l = Left * (Width / 2);
        corners[0] = Centre + f + l;
        corners[1] = Centre + f - l;
        corners[2] = Centre - f - l;
        corners[3] = Centre - f + l;
    }

    /// <summary>Whether two boxes share at least one point.</summary>
    public bool Intersects(OrientedBox other) => Intersects(this, Forward, Left, other, other.Forward, other.Left);

    /// <summary>
    /// As <see cref="Intersects(OrientedBox)"/>, with each box's <see cref="Forward"/> and <see cref="Left"/> already
    /// computed: the same arithmetic, so the same answer bit for bit, without the eight sines and cosines per test (for
    /// loops that move boxes without turning them, such as a constant-velocity projection).
    /// </summary>
    /// <param name="a">The first box.</param>
    /// <param name="aForward">a's <see cref="Forward"/>.</param>
    /// <param name="aLeft">a's <see cref="Left"/>.</param>
    /// <param name="b">The second box.</param>
    /// <param name="bForward">b's <see cref="Forward"/>.</param>
    /// <param name="bLeft">b's <see cref="Left"/>.</param>
    /// <returns>Whether the boxes share at least one point.</returns>
    public static bool Intersects(in OrientedBox a, Point2 aForward, Point2 aLeft, in OrientedBox b, Point2 bForward, Point2 bLeft)
    {
        // Separating-axis test on the two boxes' four edge normals, without allocation.
        var d = b.Centre - a.Centre;
        double ha = a.Length / 2, wa = a.Width / 2, hb = b.Length / 2, wb = b.Width / 2;
        return Overlaps(aForward) && Overlaps(aLeft) && Overlaps(bForward) && Overlaps(bLeft);

        bool Overlaps(Point2 axis)
        {
            double ra = (ha * Math.Abs(aForward.Dot(axis))) + (wa * Math.Abs(aLeft.Dot(axis)));
            double rb = (hb * Math.Abs(bForward.Dot(axis))) + (wb * Math.Abs(bLeft.Dot(axis)));
            return Math.Abs(d.Dot(axis)) <= ra + rb;
        }
    }

    /// <summary>
    /// False only when the boxes certainly do not meet: their centres are farther apart than the sum of their
    /// circumscribed circles' radii (half-diagonals), with a relative and absolute slack of 1e-9 so that rounding can never
    /// make this reject a pair that <see cref="Intersects(OrientedBox)"/> accepts. A cheap test (no sine or cosine) to
    /// put in front of the separating-axis test in loops over many agents.
    /// </summary>
    internal static bool MayIntersect(in OrientedBox a, in OrientedBox b)
    {
        double dx = b.Centre.X - a.Centre.X, dy = b.Centre.Y - a.Centre.Y;
        double reach = (0.5 * Math.Sqrt((a.Length * a.Length) + (a.Width * a.Width))) + (0.5 * Math.Sqrt((b.Length * b.Length) + (b.Width * b.Width)));
        return (dx * dx) + (dy * dy) <= (reach * reach * (1 + 1e-9)) + 1e-9;
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
