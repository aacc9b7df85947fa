using AvEval.Reasoning;

namespace AvEval.Tests.Reasoning;

public sealed class ManeuverTaxonomyTests
{
    [Theory]
    [InlineData(0.31, 10.0, LongitudinalManeuver.Accelerate)]
    [InlineData(0.30, 10.0, LongitudinalManeuver.Keep)]
    [InlineData(-0.30, 10.0, LongitudinalManeuver.Keep)]
    [InlineData(-0.31, 10.0, LongitudinalManeuver.Decelerate)]
    [InlineData(-2.0, 0.4, LongitudinalManeuver.Stop)]
    [InlineData(0.30, 0.4, LongitudinalManeuver.Stop)]
    [InlineData(0.31, 0.4, LongitudinalManeuver.Accelerate)]
    [InlineData(-2.0, 0.5, LongitudinalManeuver.Decelerate)]
    public void Classify_AccelerationAndSpeed_BandOfPointThreeAndStopBelowHalfAMetrePerSecond(double a, double v, LongitudinalManeuver expected)
    {
        ManeuverTaxonomy.Classify(a, v).ShouldBe(expected);
    }

    [Fact]
    public void All_TwelveLabels_EachParsesBackFromItsName()
    {
        ManeuverTaxonomy.All.Count.ShouldBe(12);
        ManeuverTaxonomy.All.Select(m => m.Name).ShouldContain("decelerate/keep-lane");
        ManeuverTaxonomy.All.Select(m => m.Name).ShouldContain("accelerate/change-left");

        foreach (var m in ManeuverTaxonomy.All)
        {
            Maneuver.TryParse(m.Name, out var parsed).ShouldBeTrue(m.Name);
            parsed.ShouldBe(m);
        }
    }

    [Theory]
    [InlineData("brake/keep-lane")]
    [InlineData("decelerate")]
    [InlineData("decelerate/keep-lane/x")]
    [InlineData("Decelerate/keep-lane")]
    [InlineData(null)]
    public void TryParse_NotALabel_False(string? text)
    {
        Maneuver.TryParse(text, out _).ShouldBeFalse();
    }
}
