using AvEval.Geometry;

namespace AvEval.Scenes;

/// <summary>
/// One lane (CommonRoad lanelet, Argoverse 2 lane segment): its bounds and centreline in the driving
/// direction, and its links in the lane graph.
/// </summary>
/// <param name="Id">The source's id.</param>
/// <param name="LeftBound">Left boundary in driving direction, m; may be empty where the source has none.</param>
/// <param name="RightBound">Right boundary in driving direction, m; may be empty where the source has none.</param>
/// <param name="Centerline">Centreline in driving direction, m; at least two points.</param>
/// <param name="Predecessors">Lanes that lead into this one.</param>
/// <param name="Successors">Lanes this one leads into.</param>
/// <param name="Left">The lane to the left, if any.</param>
/// <param name="Right">The lane to the right, if any.</param>
public sealed record Lane(
    LaneId Id,
    IReadOnlyList<Point2> LeftBound,
    IReadOnlyList<Point2> RightBound,
    IReadOnlyList<Point2> Centerline,
    IReadOnlyList<LaneId> Predecessors,
    IReadOnlyList<LaneId> Successors,
    LaneNeighbour? Left,
    LaneNeighbour? Right)
{
    /// <summary>
    /// Whether the lane lies inside an intersection (an Argoverse 2 segment with <c>is_intersection</c>; a CommonRoad
    /// 2020a lanelet inside an <c>intersection</c>, see <see cref="Import.CommonRoad.CommonRoadImporter"/>); false when
    /// the source does not say (CommonRoad 2018b has no intersections).
    /// NAVSIM's lane keeping skips poses in intersections.
    /// </summary>
    public bool IsIntersection { get; init; }
}
