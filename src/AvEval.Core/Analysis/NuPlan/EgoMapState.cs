using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>Where the ego is on the map at one instant, in the terms nuPlan's rules ask about.</summary>
/// <param name="InCommonOrConnectedLanes">
/// True when the ego's whole footprint is in one lane or in lanes connected end to end (nuPlan's
/// <c>timestamps_in_common_or_connected_route_objs</c>); false while it straddles lanes or leaves the lanes.
/// </param>
/// <param name="InIntersection">True when the ego is in an intersection.</param>
/// <param name="Lane">The lane the ego's centre is in, or null when none; its centreline gives the driving direction.</param>
public sealed record EgoMapState(bool InCommonOrConnectedLanes, bool InIntersection, Lane? Lane)
{
    /// <summary>Inside one lane, not in an intersection, lane unknown: what a rule assumes without a map.</summary>
    public static EgoMapState InOneLane { get; } = new(true, false, null);

    /// <summary>Across lanes or off them (nuPlan then also considers lateral agents and lateral collisions).</summary>
    public static EgoMapState AcrossLanes { get; } = new(false, false, null);
}
