using AvEval.Scenes;

namespace AvEval.Tests.Import.Argoverse2;

internal static class LaneAssert
{
    /// <summary>Lane ids, links and centrelines as derived/lanes prints them (centreline to 2 decimals).</summary>
    public static void SameAsDerived(LaneGraph lanes, List<DerivedCsv.LaneRow> rows)
    {
        lanes.Lanes.Select(l => l.Id.Value).Order().ShouldBe(rows.Select(r => r.LaneId).Order());
        foreach (var row in rows)
        {
            var lane = lanes[new LaneId(row.LaneId)];
            var at = $"lane {row.LaneId}";
            // derived/lanes lists only neighbours of the same direction; the importer keeps opposite ones, marked.
            (lane.Left is { SameDirection: true } l ? new[] { l.Lane.Value } : []).ShouldBe(row.Left, at);
            (lane.Right is { SameDirection: true } r ? new[] { r.Lane.Value } : []).ShouldBe(row.Right, at);
            lane.Successors.Select(s => s.Value).ShouldBe(row.Successors, ignoreOrder: true, at);
            lane.Predecessors.Select(s => s.Value).ShouldBe(row.Predecessors, ignoreOrder: true, at);
            lane.Centerline.Count.ShouldBe(row.Centerline.Length, at);
            for (int i = 0; i < row.Centerline.Length; i++)
            {
                lane.Centerline[i].X.ShouldBe(row.Centerline[i].X, 0.005 + 1e-9, $"{at} point {i}");
                lane.Centerline[i].Y.ShouldBe(row.Centerline[i].Y, 0.005 + 1e-9, $"{at} point {i}");
            }
        }
    }
}
