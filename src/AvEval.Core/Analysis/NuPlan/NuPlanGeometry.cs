using AvEval.Geometry;
using AvEval.Kinematics;

namespace AvEval.Analysis.NuPlan;

/// <summary>nuPlan's relative-position tests (<c>simulation/observation/idm/utils.py</c>).</summary>
internal static class NuPlanGeometry
{
    // is_agent_ahead: angle_tolerance = 30°; is_agent_behind: 150°.
    private const double AheadDegrees = 30;
    private const double BehindDegrees = 150;

    /// <summary>Angle between the ego's heading (at the rear axle) and the direction to the agent's centre; NaN when they coincide, as in nuPlan.</summary>
    public static double RelativeAngle(EgoSample rearAxle, Point2 agent)
    {
        double dx = agent.X - rearAxle.X, dy = agent.Y - rearAxle.Y;
        double norm = Math.Sqrt((dx * dx) + (dy * dy));
        double dot = ((Math.Cos(rearAxle.Heading) * dx) + (Math.Sin(rearAxle.Heading) * dy)) / norm;
        return Math.Acos(dot);
    }

    public static bool IsAhead(EgoSample rearAxle, Point2 agent) => IsAheadAngle(RelativeAngle(rearAxle, agent));

    public static bool IsBehind(EgoSample rearAxle, Point2 agent) => IsBehindAngle(RelativeAngle(rearAxle, agent));

    /// <summary>is_agent_ahead on an angle from <see cref="RelativeAngle"/> (false for NaN).</summary>
    public static bool IsAheadAngle(double angle) => angle < AheadDegrees * Math.PI / 180;

    /// <summary>is_agent_behind on an angle from <see cref="RelativeAngle"/> (false for NaN).</summary>
    public static bool IsBehindAngle(double angle) => angle > BehindDegrees * Math.PI / 180;

    /// <summary>Whether the segment a–b meets the box (its boundary or interior), as shapely's <c>intersects</c>.</summary>
    public static bool SegmentIntersects(Point2 a, Point2 b, OrientedBox box)
    {
        if (box.Contains(a) || box.Contains(b))
        {
            return true;
        }

        var c = box.Corners();
        for (int i = 0; i < 4; i++)
        {
            if (SegmentsIntersect(a, b, c[i], c[(i + 1) % 4]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SegmentsIntersect(Point2 p1, Point2 p2, Point2 q1, Point2 q2)
    {
        double d1 = (q2 - q1).Cross(p1 - q1), d2 = (q2 - q1).Cross(p2 - q1);
        double d3 = (p2 - p1).Cross(q1 - p1), d4 = (p2 - p1).Cross(q2 - p1);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && OnSegment(q1, q2, p1)) || (d2 == 0 && OnSegment(q1, q2, p2))
            || (d3 == 0 && OnSegment(p1, p2, q1)) || (d4 == 0 && OnSegment(p1, p2, q2));
    }

    private static bool OnSegment(Point2 a, Point2 b, Point2 p) =>
        Math.Min(a.X, b.X) <= p.X && p.X <= Math.Max(a.X, b.X) && Math.Min(a.Y, b.Y) <= p.Y && p.Y <= Math.Max(a.Y, b.Y);
}
