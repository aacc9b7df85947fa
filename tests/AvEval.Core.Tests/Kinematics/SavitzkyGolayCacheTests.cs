using AvEval.Kinematics;

namespace AvEval.Tests.Kinematics;

/// <summary>
/// The filter keeps its coefficient sets per thread; its output must be that of computing every set afresh, as the
/// filter did before (reference below: one <see cref="SavitzkyGolay.Coefficients"/> call per output sample), bit for bit.
/// </summary>
public sealed class SavitzkyGolayCacheTests
{
    [Theory]
    [InlineData(8, 2, 0, 1.0)]
    [InlineData(15, 2, 1, 0.1)]
    [InlineData(5, 2, 1, 0.1)]
    [InlineData(5, 3, 2, 0.1)]
    [InlineData(5, 3, 2, 0.10000000000000002)]
    public void Filter_RepeatedCallsAndDeltas_SameBitsAsFreshCoefficients(int window, int order, int deriv, double delta)
    {
        var random = new Random(1234);
        var x = Enumerable.Range(0, 57).Select(_ => (random.NextDouble() * 20) - 10).ToArray();
        var reference = Reference(x, window, order, deriv, delta);

        var first = SavitzkyGolay.Filter(x, window, order, deriv, delta);
        var second = SavitzkyGolay.Filter(x, window, order, deriv, delta);
        var otherDelta = SavitzkyGolay.Filter(x, window, order, deriv, delta * 2);

        for (int i = 0; i < x.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(first[i]).ShouldBe(BitConverter.DoubleToInt64Bits(reference[i]), $"sample {i}");
            BitConverter.DoubleToInt64Bits(second[i]).ShouldBe(BitConverter.DoubleToInt64Bits(reference[i]), $"sample {i}, cached");
        }

        // A different delta is a different key: derivatives scale by 1/delta^deriv, they are not served stale.
        var referenceOther = Reference(x, window, order, deriv, delta * 2);
        for (int i = 0; i < x.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(otherDelta[i]).ShouldBe(BitConverter.DoubleToInt64Bits(referenceOther[i]), $"sample {i}, delta × 2");
        }
    }

    private static double[] Reference(double[] x, int window, int order, int deriv, double delta)
    {
        int n = x.Length, half = window / 2, before = (window - 1) / 2;
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            (double[] h, int from) = i < half
                ? (SavitzkyGolay.Coefficients(window, order, deriv, delta, i), 0)
                : i >= n - half
                    ? (SavitzkyGolay.Coefficients(window, order, deriv, delta, window - half + (i - (n - half))), n - window)
                    : (SavitzkyGolay.Coefficients(window, order, deriv, delta, (window - 1) / 2.0), i - before);
            double sum = 0;
            for (int k = 0; k < window; k++)
            {
                sum += h[k] * x[from + k];
            }

            y[i] = sum;
        }

        return y;
    }
}
