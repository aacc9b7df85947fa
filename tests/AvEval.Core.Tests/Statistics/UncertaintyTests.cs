using AvEval.Statistics;

namespace AvEval.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    [Theory]
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity correction), to 4 dp;
    // the full-precision values are from independent/reference_values.py.
    [InlineData(81, 263, 0.255288519878274, 0.366209576982800, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.062386399530736, 0.160487241723308, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.161125158052819, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.006113214292763, 0.171755218793203, 0.0061, 0.1718)]
    public void Compute_NewcombeTableExamples_Match(int successes, int trials, double lower, double upper, double publishedLower, double publishedUpper)
    {
        var interval = WilsonInterval.Compute(successes, trials);

        interval.Lower.ShouldBe(lower, 1e-13);
        interval.Upper.ShouldBe(upper, 1e-13);
        Math.Round(interval.Lower, 4).ShouldBe(publishedLower);
        Math.Round(interval.Upper, 4).ShouldBe(publishedUpper);
        interval.Method.ShouldBe("wilson");
    }
}

public sealed class NormalDistributionTests
{
    [Theory]
    // Abramowitz and Stegun Table 26.1 / standard tables: Φ(1.96) = 0.9750021048517795, Φ(−3) = 0.0013498980316301,
    // Φ(0) = 0.5, Φ(−8) = 6.22096057427178e-16.
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-3.0, 0.0013498980316300946)]
    [InlineData(0.0, 0.5)]
    [InlineData(-8.0, 6.220960574271785e-16)]
    public void Cdf_TableValues_Match(double x, double expected)
    {
        double p = NormalDistribution.Cdf(x);

        p.ShouldBe(expected, Math.Abs(expected) * 1e-13);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Quantile_TableValues_Match(double p, double expected)
    {
        double x = NormalDistribution.Quantile(p);

        x.ShouldBe(expected, 1e-12);
    }
}

public sealed class BootstrapTests
{
    // Ten values; expected intervals from independent/reference_values.py, which re-derives the documented generator
    // (SplitMix64 per resample, Lemire bounded draws), the type-7 quantile and the BCa adjustment on its own.
    private static readonly double[] Data = [2.0, 3.5, 1.0, 7.0, 4.5, 3.0, 9.0, 2.5, 5.0, 6.0];

    private static double Mean(ReadOnlySpan<int> items)
    {
        double sum = 0;
        foreach (int i in items)
        {
            sum += Data[i];
        }

        return sum / items.Length;
    }

    [Fact]
    public void Run_Percentile_MatchesIndependentRederivation()
    {
        var result = Bootstrap.Run(Data.Length, Mean, new BootstrapOptions(1000, 42, 0.95, BootstrapMethod.Percentile));

        result.Estimate.ShouldBe(4.35, 1e-15);
        result.Interval.Lower.ShouldBe(3.05, 1e-12);
        result.Interval.Upper.ShouldBe(5.901249999999999, 1e-12);
        result.ValidResamples.ShouldBe(1000);
        result.Interval.Method.ShouldBe("bootstrap-percentile");
    }

    [Fact]
    public void Run_Bca_MatchesIndependentRederivation()
    {
        var result = Bootstrap.Run(Data.Length, Mean, new BootstrapOptions(1000, 42, 0.95, BootstrapMethod.Bca));

        result.Interval.Lower.ShouldBe(3.1, 1e-12);
        result.Interval.Upper.ShouldBe(5.95, 1e-12);
    }

    [Fact]
    public void Replicates_ParallelAndSequential_AreIdentical()
    {
        double[] sequential = Bootstrap.Replicates(Data.Length, Mean, 500, 7, maxDegreeOfParallelism: 1);
        double[] parallel = Bootstrap.Replicates(Data.Length, Mean, 500, 7, maxDegreeOfParallelism: 4);

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Replicates_DifferentSeeds_Differ()
    {
        double[] first = Bootstrap.Replicates(Data.Length, Mean, 50, 1);
        double[] second = Bootstrap.Replicates(Data.Length, Mean, 50, 2);

        first.ShouldNotBe(second);
    }

    [Fact]
    public void Run_UndefinedResamples_AreExcludedAndCounted()
    {
        // A statistic defined only when item 0 is drawn: P(item 0 absent from a resample of 10) = 0.9^10 ≈ 0.35.
        var result = Bootstrap.Run(Data.Length, items => items.Contains(0) ? 1.0 : double.NaN, new BootstrapOptions(400, 3, 0.95, BootstrapMethod.Percentile));

        result.ValidResamples.ShouldBeInRange(200, 320);
        result.Interval.Lower.ShouldBe(1.0);
    }
}
