using AvEval.Analysis;
using AvEval.Scenarios.Expectations;

namespace AvEval.Tests.Scenarios.Expectations;

public sealed class UnitTableTests
{
    [Theory]
    // 100 km/h = 100 000 m / 3600 s = 27.777… m/s.
    [InlineData("km/h", 100.0, 27.777777777777779)]
    // 60 mph = 60 × 1609.344 m / 3600 s = 26.8224 m/s.
    [InlineData("mph", 60.0, 26.8224)]
    [InlineData("km", 1.5, 1500.0)]
    [InlineData("ms", 250.0, 0.25)]
    // 180 deg = π rad; 90 deg/s = π/2 rad/s.
    [InlineData("deg", 180.0, Math.PI)]
    [InlineData("deg/s", 90.0, Math.PI / 2)]
    [InlineData("m/s^2", -4.05, -4.05)]
    public void ToSi_ByHand(string symbol, double value, double si)
    {
        UnitTable.TryFind(symbol, out var unit).ShouldBeTrue();

        var converted = unit.ToSi(value);

        converted.ShouldBe(si, 1e-12);
        unit.FromSi(converted).ShouldBe(value, 1e-12);
    }

    [Fact]
    public void TryFind_EveryCoreUnit_Known()
    {
        Unit[] core = [Unit.Metre, Unit.Second, Unit.MetrePerSecond, Unit.MetrePerSecondSquared, Unit.MetrePerSecondCubed, Unit.Radian, Unit.RadianPerSecond, Unit.RadianPerSecondSquared, Unit.Dimensionless, Unit.Boolean];

        var unknown = core.Where(u => !UnitTable.TryFind(u, out var d) || d.FactorToSi != 1.0).ToList();

        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void TryFind_WrongCase_NotFound()
    {
        UnitTable.TryFind("M", out _).ShouldBeFalse();
    }
}
