using AvEval.Geometry;

namespace AvEval.Tests.Geometry;

public sealed class OrientedBoxTests
{
    [Fact]
    public void Intersects_BoxesRotated45DegreesCornerToCorner_OverlapOnlyWhenCornersMeet()
    {
        // Two unit squares rotated by 45°: their corners point at each other along x, half-diagonal √2/2 each.
        var a = new OrientedBox(new Point2(0, 0), Math.PI / 4, 1, 1);
        var touching = new OrientedBox(new Point2(Math.Sqrt(2) - 1e-9, 0), Math.PI / 4, 1, 1);
        var apart = new OrientedBox(new Point2(Math.Sqrt(2) + 0.01, 0), Math.PI / 4, 1, 1);

        a.Intersects(touching).ShouldBeTrue();
        a.Intersects(apart).ShouldBeFalse();
        a.DistanceTo(apart).ShouldBe(0.01, 1e-9);
    }

    [Fact]
    public void Intersects_PerpendicularBoxesWithGap_NoOverlapAndGapIsDistance()
    {
        // A 4×2 box along x (x ≤ 2) and a 4×2 box at 90° whose left edge is at x = 2.1: a 0.1 m gap.
        var a = new OrientedBox(new Point2(0, 0), 0, 4, 2);
        var b = new OrientedBox(new Point2(3.1, 2.1), Math.PI / 2, 4, 2);

        a.Intersects(b).ShouldBeFalse();
        b.Intersects(a).ShouldBeFalse();
        a.DistanceTo(b).ShouldBe(0.1, 1e-9);
    }

    [Fact]
    public void Corners_HeadingAlongY_FrontLeftIsUpAndLeft()
    {
        var box = new OrientedBox(new Point2(10, 20), Math.PI / 2, 4, 2);

        var frontLeft = box.Corners()[0];

        frontLeft.X.ShouldBe(9, 1e-12);
        frontLeft.Y.ShouldBe(22, 1e-12);
    }
}
