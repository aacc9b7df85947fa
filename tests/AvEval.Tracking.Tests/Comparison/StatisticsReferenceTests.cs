using AvEval.Statistics;

namespace AvEval.Tracking.Tests.Comparison;

/// <summary>The comparison's statistics against published worked examples and independent calculations (each test says which).</summary>
public sealed class StatisticsReferenceTests
{
    /// <summary>Expected: exact binomial tails in rational arithmetic by <c>independent/reference_values.py</c> (Python <c>math.comb</c> and <c>fractions</c>); (8, 0) is also 2 · 2⁻⁸ by hand.</summary>
    [Theory]
    [InlineData(8, 0, 0.0078125)]
    [InlineData(3, 0, 0.25)]
    [InlineData(1, 0, 1.0)]
    [InlineData(10, 3, 0.09228515625)]
    [InlineData(40, 20, 0.01348929373119186)]
    [InlineData(400, 350, 0.07350777405843545)]
    [InlineData(5, 5, 1.0)]
    [InlineData(0, 7, 0.015625)]
    [InlineData(0, 0, 1.0)]
    public void ExactPValue_DiscordantPairs_MatchesExactBinomialTail(int passToFail, int failToPass, double expected)
    {
        double p = McNemarTest.ExactPValue(passToFail, failToPass);

        p.ShouldBe(expected, Math.Max(1e-15, expected * 1e-12));
    }

    [Fact]
    public void ExactPValue_SwappedCounts_IsSymmetric()
    {
        McNemarTest.ExactPValue(13, 4).ShouldBe(McNemarTest.ExactPValue(4, 13));
    }

    /// <summary>The 15 p-values of Benjamini and Hochberg's worked example (1995, JRSS B 57:289–300, §4.1).</summary>
    private static readonly double[] BenjaminiHochberg1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];

    [Fact]
    public void BenjaminiHochberg_PaperExample_RejectsTheFourSmallestAtFivePercent()
    {
        // Benjamini and Hochberg 1995 §4.1: at q* = 0.05 their procedure rejects the four smallest p-values.
        var q = MultipleTesting.BenjaminiHochberg(BenjaminiHochberg1995);

        q.Count(v => v < 0.05).ShouldBe(4);
        // Each value from independent/reference_values.out (the step-up written out in Python).
        double[] expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.48600000000000004, 0.5811818181818182, 0.714875, 0.7532307692307694, 0.8132142857142857, 1];
        for (int i = 0; i < expected.Length; i++)
        {
            q[i].ShouldBe(expected[i], 1e-12);
        }
    }

    [Fact]
    public void Holm_PaperExample_RejectsTheThreeSmallestAtFivePercent()
    {
        // Holm on the same 15 p-values: 15·0.0001, 14·0.0004, 13·0.0019 = 0.0247 < 0.05, then 12·0.0095 = 0.114 stops (by hand).
        var holm = MultipleTesting.Holm(BenjaminiHochberg1995);

        holm.Count(v => v < 0.05).ShouldBe(3);
        double[] expected = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];
        for (int i = 0; i < expected.Length; i++)
        {
            holm[i].ShouldBe(expected[i], 1e-12);
        }
    }

    [Fact]
    public void Adjust_UnsortedInput_ReturnsValuesInTheGivenOrder()
    {
        // R: p.adjust(c(0.04, 0.01, 0.03), "holm") = 0.06 0.03 0.06; "BH" = 0.04 0.03 0.04 (by hand: 3·0.01; max(2·0.03, 0.03); max(0.04, 0.06)).
        var holm = MultipleTesting.Adjust([0.04, 0.01, 0.03], MultipleTestingCorrection.Holm);
        var bh = MultipleTesting.Adjust([0.04, 0.01, 0.03], MultipleTestingCorrection.BenjaminiHochberg);

        holm.ShouldBe([0.06, 0.03, 0.06], 1e-15);
        bh.ShouldBe([0.04, 0.03, 0.04], 1e-15);
    }

    [Fact]
    public void Adjust_PValueOutsideUnitInterval_Throws()
    {
        var error = Record.Exception(() => MultipleTesting.Holm([0.2, 1.5]));

        Assert.IsType<ArgumentOutOfRangeException>(error);
    }

    [Fact]
    public void PairedProportionDifference_FagerlandExample_MatchesPublishedInterval()
    {
        // Fagerland, Lydersen and Laake 2017 (Statistical Analysis of Contingency Tables, ch. 8), as tested in the R
        // package contingencytables (tests/testthat/test-ch8.R): the paired table [[59, 6], [16, 80]] gives the Newcombe
        // square-and-add interval for p1 − p2: estimate −0.0621, 95% CI −0.1186 to −0.0046. Here θ = p2 − p1, so the signs flip.
        var interval = PairedProportionDifference.Compute(bothPass: 59, firstOnly: 6, secondOnly: 16, neither: 80, level: 0.95);

        interval.Lower.ShouldBe(0.0046, 0.00005);
        interval.Upper.ShouldBe(0.1186, 0.00005);
        interval.Method.ShouldBe("newcombe-paired-score");
    }

    [Fact]
    public void PairedProportionDifference_NoDiscordantPairs_IsSymmetricAroundZero()
    {
        // All ten pass on both sides: φ = 0 (a zero margin), so by hand L = −(1 − l) and U = 1 − l, with l the Wilson
        // lower limit of 10/10, which simplifies to n/(n + z²) = 10/(10 + 1.96²) = 0.72247.
        var interval = PairedProportionDifference.Compute(10, 0, 0, 0);

        interval.Lower.ShouldBe(-(1 - (10 / (10 + (1.959963984540054 * 1.959963984540054)))), 1e-12);
        interval.Upper.ShouldBe(-interval.Lower, 1e-12);
    }

    [Fact]
    public void MeanDifference_LargeSample_AgreesWithTheNormalApproximation()
    {
        // Independent check: for 4,000 pairs the percentile interval of a mean difference should match
        // mean ± 1.96 · sd / √n (central limit theorem) to within a few percent of its half-width.
        var random = new Random(12345);
        int n = 4000;
        var first = new double[n];
        var second = new double[n];
        for (int i = 0; i < n; i++)
        {
            first[i] = random.NextDouble() * 10;
            second[i] = first[i] + 0.3 + (random.NextDouble() - 0.5);
        }

        var result = PairedBootstrap.MeanDifference(first, second, new BootstrapOptions(2000, 7, 0.95, BootstrapMethod.Percentile));

        var d = second.Zip(first, (b, a) => b - a).ToArray();
        double mean = d.Average();
        double sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        double half = 1.959963984540054 * sd / Math.Sqrt(n);
        result.Estimate.ShouldBe(mean, 1e-12);
        result.Interval.Lower.ShouldBe(mean - half, 0.1 * half);
        result.Interval.Upper.ShouldBe(mean + half, 0.1 * half);
    }

    [Fact]
    public void MeanDifference_PairedCorrelatedSeries_IsNarrowerThanTheSpreadOfEitherSeries()
    {
        // Pairing matters: the series vary over 0–100 but differ by exactly 1 ± 0.01, so a paired interval must sit within 1 ± 0.01.
        var first = Enumerable.Range(0, 200).Select(i => i * 0.5).ToArray();
        var second = first.Select((x, i) => x + 1 + ((i % 3) - 1) * 0.01).ToArray();

        var result = PairedBootstrap.MeanDifference(first, second, new BootstrapOptions(500, 1, 0.95, BootstrapMethod.Percentile));

        result.Interval.Lower.ShouldBeGreaterThan(0.99);
        result.Interval.Upper.ShouldBeLessThan(1.01);
    }

    [Fact]
    public void MeanDifference_SameSeed_GivesTheSameInterval()
    {
        double[] a = [1, 2, 3, 4, 5, 6, 7];
        double[] b = [1.5, 2.1, 2.9, 4.8, 5.2, 6.3, 7.9];
        var options = new BootstrapOptions(300, 42, 0.95, BootstrapMethod.Percentile);

        var once = PairedBootstrap.MeanDifference(a, b, options);
        var twice = PairedBootstrap.MeanDifference(a, b, options with { MaxDegreeOfParallelism = 2 });

        twice.Interval.ShouldBe(once.Interval);
    }
}
