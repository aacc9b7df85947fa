namespace AvEval.Geometry;

/// <summary>A point or vector in a planar Cartesian frame, metres.</summary>
/// <param name="X">x, m.</param>
/// <param name="Y">y, m.</param>
public readonly record struct Point2(double X, double Y)
{
    /// <summary>Vector sum.</summary>
    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Vector difference.</summary>
    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scaling.</summary>
    public static Point2 operator *(Point2 a, double k) => new(a.X * k, a.Y * k);

    /// <summary>Dot product.</summary>
    public double Dot(Point2 other) => (X * other.X) + (Y * other.Y);

    /// <summary>z of the cross product (positive when <paramref name="other"/> is counter-clockwise of this).</summary>
    public double Cross(Point2 other) => (X * other.Y) - (Y * other.X);

    /// <summary>Euclidean norm, m.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>Distance to another point, m.</summary>
    public double DistanceTo(Point2 other) => (this - other).Length;

    /// <summary>The unit vector at an angle, rad, counter-clockwise from +x.</summary>
    public static Point2 FromAngle(double radians) => new(Math.Cos(radians), Math.Sin(radians));
}
