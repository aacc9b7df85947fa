using AvEval.Coverage;
using AvEval.Tracking.Comparison;

namespace AvEval.Tracking.Tests.Comparison;

public sealed class CoverageGateTests
{
    private static ScenarioClass Class(string scenario, string behavior, string road, string speed, string density) =>
        new(scenario, new TaxonomyCell(behavior, road, speed, density), 10, 10, 3, false, 1);

    [Fact]
    public void Shortfalls_MinimumTwo_EveryCoveredCellWithFewerScenarios()
    {
        var table = ScenarioTaxonomy.Table(
            [Class("following_distance/a", "following_distance", "freeway", "medium", "light"), Class("following_distance/b", "following_distance", "freeway", "medium", "light"), Class("following_distance/c", "following_distance", "arterial", "medium", "light")],
            []);

        var shortfalls = CoverageGate.Shortfalls(new CoverageRequirement(2, [], ["freeway", "arterial"], ["medium"], ["light"]), table);

        table.Cells.Count.ShouldBe(27);
        shortfalls.ShouldHaveSingleItem().Cell.ShouldBe(new TaxonomyCell("following_distance", "arterial", "medium", "light"));
        shortfalls[0].Message.ShouldBe("coverage: following_distance × arterial × medium speed × light traffic has 1 scenario(s); the policy requires 2");
    }

    [Fact]
    public void Shortfalls_ListedBehaviourWithoutScenarios_ShortInEveryCell()
    {
        var table = ScenarioTaxonomy.Table([Class("following_distance/a", "following_distance", "freeway", "medium", "light")], []);

        var shortfalls = CoverageGate.Shortfalls(new CoverageRequirement(1, ["hard_braking"], [], [], []), table);

        shortfalls.Count.ShouldBe(27);
        shortfalls.ShouldAllBe(s => s.Cell.Behavior == "hard_braking" && s.Count == 0);
    }

    [Fact]
    public void Shortfalls_EveryCellFilled_None()
    {
        var table = ScenarioTaxonomy.Table([Class("following_distance/a", "following_distance", "freeway", "high", "dense")], []);

        CoverageGate.Shortfalls(new CoverageRequirement(1, [], ["freeway"], ["high"], ["dense"]), table).ShouldBeEmpty();
    }
}
