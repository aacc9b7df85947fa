using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>Relations between lanes of a scene's lane graph, as nuPlan's map queries use them.</summary>
internal static class LaneGeometry
{
    /// <summary>Whether two lanes are the same, successive, or side by side (a lane change, not a crossing).</summary>
    public static bool Related(Lane a, Lane b) =>
        a.Id == b.Id
        || a.Successors.Contains(b.Id) || a.Predecessors.Contains(b.Id)
        || a.Left?.Lane == b.Id || a.Right?.Lane == b.Id
        || b.Left?.Lane == a.Id || b.Right?.Lane == a.Id;

    /// <summary>Whether two lanes are the same or connected end to end.</summary>
    public static bool Connected(Lane a, Lane b) =>
        a.Id == b.Id || a.Successors.Contains(b.Id) || a.Predecessors.Contains(b.Id);
}
