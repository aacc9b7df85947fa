using AvEval.Kinematics;

namespace AvEval.Tests.Kinematics;

public sealed class SavitzkyGolayTests
{
    [Fact]
    public void Filter_SciPyDocumentationExample_ReproducesPublishedOutput()
    {
        // scipy.signal.savgol_filter docstring: x = [2, 2, 5, 2, 1, 0, 1, 4, 9]; savgol_filter(x, 5, 2)
        // -> [1.66, 3.17, 3.54, 2.86, 0.66, 0.17, 1., 4., 9.] (mode 'interp', printed to 2 decimals).
        double[] x = [2, 2, 5, 2, 1, 0, 1, 4, 9];
        double[] expected = [1.66, 3.17, 3.54, 2.86, 0.66, 0.17, 1.0, 4.0, 9.0];

        var y = SavitzkyGolay.Filter(x, 5, 2);

        for (int i = 0; i < x.Length; i++)
        {
            y[i].ShouldBe(expected[i], 0.005, $"sample {i}");
        }
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(8, 2)]
    [InlineData(15, 2)]
    [InlineData(5, 3)]
    public void Filter_QuadraticSignal_FirstDerivativeIsExactEverywhere(int window, int order)
    {
        // A polynomial of degree ≤ order is reproduced exactly; for an even window the interior is evaluated half
        // a sample late (t + dt/2), the edges at each sample's own time.
        const double dt = 0.1;
        var t = Enumerable.Range(0, 40).Select(i => i * dt).ToArray();
        var x = t.Select(s => 3 + (2 * s) - (0.5 * s * s)).ToArray();
        int half = window / 2;

        var dx = SavitzkyGolay.Filter(x, window, order, deriv: 1, delta: dt);

        for (int i = 0; i < t.Length; i++)
        {
            bool interior = i >= half && i < t.Length - half;
            double at = interior && window % 2 == 0 ? t[i] + (dt / 2) : t[i];
            dx[i].ShouldBe(2 - at, 1e-9, $"sample {i}");
        }
    }

    [Fact]
    public void Filter_SecondDerivativeOfCubicWithOrder3_IsExact()
    {
        const double dt = 0.1;
        var x = Enumerable.Range(0, 12).Select(i => Math.Pow(i * dt, 3)).ToArray();

        var ddx = SavitzkyGolay.Filter(x, 5, 3, deriv: 2, delta: dt);

        for (int i = 0; i < x.Length; i++)
        {
            ddx[i].ShouldBe(6 * i * dt, 1e-8, $"sample {i}");
        }
    }

    [Fact]
    public void Filter_WindowLongerThanSignal_ThrowsNamingBothLengths()
    {
        var ex = Record.Exception(() => SavitzkyGolay.Filter([1.0, 2.0, 3.0], 5, 2));

        var argument = Assert.IsType<ArgumentException>(ex);
        argument.Message.ShouldContain("'5' is longer than the signal's '3' samples");
    }
}
