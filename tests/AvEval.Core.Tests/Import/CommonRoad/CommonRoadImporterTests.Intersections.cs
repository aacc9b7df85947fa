using AvEval.Import.CommonRoad;
using AvEval.Scenes;

namespace AvEval.Tests.Import.CommonRoad;

public sealed partial class CommonRoadImporterTests
{
    /// <summary>
    /// A 2020a scenario with one intersection: lanelet 1 comes in eastbound and ends at x = 50 (y from -2 to 2),
    /// lanelet 6 comes in westbound and ends at x = 60; 1 → 2 (x 50..53) → 3 (x 53..57) → 4 (x 57..80).
    /// The incoming ends span the rectangle x 50..60, y -2..2. Line 10 is the intersection's first incomingLanelet.
    /// </summary>
    private static string IntersectionScenario(string firstIncoming = "1") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <commonRoad timeStepSize="0.1" commonRoadVersion="2020a" scenarioID="ZAM_Cross-1_1_T-1" source="hand-written test">
          {Lanelet(1, 0, 50, 2, "")}
          {Lanelet(2, 50, 53, 3, "")}
          {Lanelet(3, 53, 57, 4, "")}
          {Lanelet(4, 57, 80, 0, "")}
          <lanelet id="6"><leftBound><point><x>100</x><y>-2</y></point><point><x>60</x><y>-2</y></point></leftBound><rightBound><point><x>100</x><y>2</y></point><point><x>60</x><y>2</y></point></rightBound></lanelet>
          <intersection id="100">
            <incoming id="101">
              <incomingLanelet ref="{firstIncoming}"/>
              <successorsStraight ref="2"/>
            </incoming>
            <incoming id="102">
              <incomingLanelet ref="6"/>
            </incoming>
          </intersection>
          <dynamicObstacle id="242">
            <type>car</type>
            <shape><rectangle><length>4.5</length><width>1.8</width></rectangle></shape>
            <initialState>{StateBody(1, 0)}</initialState>
          </dynamicObstacle>
        </commonRoad>
        """;

    private static string Lanelet(int id, int fromX, int toX, int successor, string extra) =>
        $"<lanelet id=\"{id}\"><leftBound><point><x>{fromX}</x><y>2</y></point><point><x>{toX}</x><y>2</y></point></leftBound>"
        + $"<rightBound><point><x>{fromX}</x><y>-2</y></point><point><x>{toX}</x><y>-2</y></point></rightBound>"
        + (successor == 0 ? "" : $"<successor ref=\"{successor}\"/>") + extra + "</lanelet>";

    [Fact]
    public void Import_2020aIntersection_MarksTheSuccessorsAndTheLaneletsThatFollowThemInside()
    {
        using var temp = new TempFolder();
        var file = temp.Write("ZAM_Cross-1_1_T-1.xml", IntersectionScenario());

        var scene = new CommonRoadImporter().Import(file);

        // Lanelet 2 is named (successorsStraight); 3's centreline midpoint (55, 0) lies in the rectangle x 50..60,
        // y -2..2 spanned by the incoming ends, 4's midpoint (68.5, 0) does not; incoming lanelets 1 and 6 end at the
        // intersection and are not in it.
        var marked = scene.Lanes.Lanes.Where(l => l.IsIntersection).Select(l => l.Id.Value).Order(StringComparer.Ordinal);
        marked.ShouldBe(["2", "3"]);
    }

    [Fact]
    public void Import_2020aIntersectionWithUnknownLanelet_NamesTheIntersectionAndTheReference()
    {
        var error = ImportError(IntersectionScenario(firstIncoming: "77"), "ZAM_Cross-1_1_T-1.xml");

        error.Location.ShouldBe("line 10, intersection id='100' / incoming id='101' / incomingLanelet");
        error.Message.ShouldContain("intersection '100' refers to lanelet '77', which is not in the file; fix the reference or add the lanelet.");
    }

    [Fact]
    public void Import_InRepo2020aOriginal_MarksTheLaneletsInsideItsIntersection()
    {
        var path = Path.Combine(Originals, "USA_Peach-4_8_T-1.xml");

        var scene = new CommonRoadImporter().Import(path);

        // Intersection 43922 (XML) names 16 successor lanelets (4 incomings × 4). Independent count (Python
        // ElementTree over the XML, its own monotone-chain hull of the 26 incoming end points, midpoints at half the
        // centreline arc length): 22 more lanelets follow them inside, 38 in all, e.g. 43836 → 43636 → 43596; the
        // path leaves at 43341, whose midpoint lies 28 m north of the hull. Incoming lanelets (43402) are not marked.
        var marked = scene.Lanes.Lanes.Where(l => l.IsIntersection).Select(l => l.Id.Value).ToHashSet(StringComparer.Ordinal);
        marked.Count.ShouldBe(38);
        marked.IsSupersetOf(["43590", "43592", "43594", "43604", "43606", "43608", "43610", "43612", "43614", "43640", "43642", "43644", "43646", "43834", "43836", "43838"]).ShouldBeTrue();
        marked.IsSupersetOf(["43636", "43596"]).ShouldBeTrue();
        marked.ShouldNotContain("43341");
        marked.ShouldNotContain("43402");
    }

    [Fact]
    public void Import_InRepo2018bOriginal_MarksNoIntersectionLanes()
    {
        var path = Path.Combine(Originals, "USA_US101-3_3_T-1.xml");

        var scene = new CommonRoadImporter().Import(path);

        // A 2018b file has no intersection elements.
        scene.Lanes.Lanes.ShouldAllBe(l => !l.IsIntersection);
    }
}
