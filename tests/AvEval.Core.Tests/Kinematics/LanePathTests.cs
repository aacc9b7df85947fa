using AvEval.Geometry;
using AvEval.Kinematics;

namespace AvEval.Tests.Kinematics;

public sealed class LanePathTests
{
    // L-shaped centreline: 10 m east, then 10 m north. Total length 20 m.
    private static readonly LanePath LShape = new([new Point2(0, 0), new Point2(10, 0), new Point2(10, 10)]);

    [Theory]
    [InlineData(5, 2, 5, 2)] // beside the first leg, 2 m to its left
    [InlineData(5, -1, 5, -1)] // 1 m to its right
    [InlineData(12, 5, 15, -2)] // beside the second leg (heading north), x = 12 is 2 m to its right; s = 10 + 5
    [InlineData(8, 5, 15, 2)] // x = 8 is 2 m to the left of the northbound leg
    [InlineData(-3, 1, -3, 1)] // before the start: first leg extended backwards
    [InlineData(10, 14, 24, 0)] // past the end: last leg extended, s = 20 + 4
    [InlineData(10.5, 13, 23, -0.5)]
    public void Project_LShapedPolyline_GivesHandComputedFrenet(double x, double y, double s, double d)
    {
        var frenet = LShape.Project(new Point2(x, y));

        frenet.S.ShouldBe(s, 1e-12);
        frenet.D.ShouldBe(d, 1e-12);
    }

    [Fact]
    public void Project_OutsideTheCorner_IsTheDistanceToTheVertexOnTheRight()
    {
        // (11, −1) is nearest to the corner (10, 0): distance √2, to the right of the first leg; s = 10.

        var frenet = LShape.Project(new Point2(11, -1));

        frenet.S.ShouldBe(10, 1e-12);
        frenet.D.ShouldBe(-Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void Length_LShape_IsSumOfLegs()
    {
        var length = LShape.Length;

        length.ShouldBe(20);
    }

    [Fact]
    public void PointAtAndHeadingAt_OnSecondLeg_AreOnTheNorthboundLeg()
    {
        var point = LShape.PointAt(13);
        var heading = LShape.HeadingAt(13);

        point.X.ShouldBe(10, 1e-12);
        point.Y.ShouldBe(3, 1e-12);
        heading.ShouldBe(Math.PI / 2, 1e-12);
    }

    [Fact]
    public void Constructor_OneDistinctPoint_Throws()
    {
        var exception = Record.Exception(() => new LanePath([new Point2(1, 1), new Point2(1, 1)]));

        Assert.IsType<ArgumentException>(exception);
        exception.Message.ShouldStartWith("A lane path needs at least two distinct points, but '2' points give '1' distinct ones.");
    }
}
