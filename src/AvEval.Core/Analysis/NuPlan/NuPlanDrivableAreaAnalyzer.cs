using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>drivable_area_compliance</c>: at each state the four corners of the ego's box are checked against the
/// drivable area; a corner outside it by more than 0.3 m (nuPlan's <c>max_violation_threshold</c>) is a violation, and
/// the metric is 1 (compliant) only when no state has one. Also reports the largest distance of a corner outside, m.
/// </summary>
/// <remarks>
/// nuPlan's drivable area is its map's drivable-area layer (roadblocks, intersections, car parks); a scene carries only
/// lanes, so here the drivable area is the union of the lanes' areas (<see cref="SceneLaneIndex.LanesContaining"/>), and
/// a corner's distance outside is its distance to the nearest lane boundary or end. A shoulder or car park that is
/// drivable in the world but has no lane counts as outside. A scene without lanes gives no value, with the reason.
/// </remarks>
public sealed class NuPlanDrivableAreaAnalyzer : IDriveAnalyzer
{
    /// <summary>Largest distance a corner may lie outside the drivable area without a violation, m (nuPlan default).</summary>
    public const double MaxViolationThreshold = 0.3;

    private const string Def = "nuPlan drivable_area_compliance (ego box corners within 0.3 m of the drivable area, here the union of the scene's lanes)";

    /// <summary>1 when no corner ever lies more than 0.3 m outside the drivable area, else 0.</summary>
    public static string Compliance => "drivable_area.nuplan.value";

    /// <summary>The largest distance of a box corner outside the drivable area over the drive, m (0 when always inside).</summary>
    public static string MaxViolation => "drivable_area.nuplan.violation.max";

    /// <inheritdoc/>
    public string Id => "nuplan.drivable_area";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(Compliance, Unit.Boolean, Def, MetricAuthority.NuPlan, MotionControl.Lateral),
        new(MaxViolation, Unit.Metre, Def + ", largest corner distance outside", MetricAuthority.NuPlan, MotionControl.Lateral),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var scene = drive.Scene;
        if (scene.Lanes.Lanes.Count == 0)
        {
            const string reason = "The scene has no lanes, so there is no drivable area to check the ego against.";
            return new Evaluation(drive.Ego, [Id], [.. Publishes.Select(m => m.NotComputed(reason))], [], [], [reason]);
        }

        var index = SceneLaneIndex.For(scene);
        var track = drive.EgoTrack;
        var inside = new List<int>();
        double worst = 0;
        foreach (var s in track.States)
        {
            var box = new OrientedBox(new Point2(s.X, s.Y), s.Heading, track.Size.Length, track.Size.Width);
            foreach (var corner in box.Corners())
            {
                index.LanesContaining(corner, inside);
                if (inside.Count == 0)
                {
                    worst = Math.Max(worst, DistanceOutside(scene.Lanes.Lanes, corner));
                }
            }
        }

        var metrics = new List<Metric> { Publishes[0].Measured(worst > MaxViolationThreshold ? 0 : 1), Publishes[1].Measured(worst) };
        return new Evaluation(drive.Ego, [Id], metrics, [], [], []);
    }

    /// <summary>Distance from a point outside every lane to the nearest lane edge (bounds and the segments closing their ends), m.</summary>
    private static double DistanceOutside(IReadOnlyList<Lane> lanes, Point2 p)
    {
        double best = double.PositiveInfinity;
        foreach (var lane in lanes)
        {
            if (lane.LeftBound.Count < 2 || lane.RightBound.Count < 2)
            {
                // Without bounds the lane's area is half a default width either side of its centreline.
                best = Math.Min(best, Math.Max(0, ToPolyline(lane.Centerline, p) - (SceneLaneIndex.DefaultLaneWidth / 2)));
                continue;
            }

            best = Math.Min(best, ToPolyline(lane.LeftBound, p));
            best = Math.Min(best, ToPolyline(lane.RightBound, p));
            best = Math.Min(best, ToSegment(lane.LeftBound[0], lane.RightBound[0], p));
            best = Math.Min(best, ToSegment(lane.LeftBound[^1], lane.RightBound[^1], p));
        }

        return best;
    }

    private static double ToPolyline(IReadOnlyList<Point2> line, Point2 p)
    {
        double best = double.PositiveInfinity;
        for (int i = 1; i < line.Count; i++)
        {
            best = Math.Min(best, ToSegment(line[i - 1], line[i], p));
        }

        return best;
    }

    private static double ToSegment(Point2 a, Point2 b, Point2 p)
    {
        var ab = b - a;
        double length2 = ab.Dot(ab);
        double t = length2 > 0 ? Math.Clamp((p - a).Dot(ab) / length2, 0, 1) : 0;
        return p.DistanceTo(a + (ab * t));
    }
}
