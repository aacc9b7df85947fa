using AvEval.Statistics;

namespace AvEval.Tests.Statistics;

public sealed class CohenKappaTests
{
    [Fact]
    public void FromTable_WikipediaFiftyItemExample_Is04()
    {
        // Wikipedia "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes/B no 5, A no/B yes 10, both no 15;
        // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        double[][] table = [[20, 5], [10, 15]];

        double kappa = CohenKappa.FromTable(table);

        kappa.ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void Compute_LabelArraysOfTheWikipediaExample_MatchTheTable()
    {
        // The same 50 items as label codes (1 = yes): 20 (1,1), 5 (1,0), 10 (0,1), 15 (0,0).
        int[] first = [.. Enumerable.Repeat(1, 25), .. Enumerable.Repeat(0, 25)];
        int[] second = [.. Enumerable.Repeat(1, 20), .. Enumerable.Repeat(0, 5), .. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(0, 15)];

        double kappa = CohenKappa.Compute(first, second, 2);

        kappa.ShouldBe(0.4, 1e-12);
    }

    [Theory]
    [InlineData(KappaWeighting.Linear, 0.591240875912409)]
    [InlineData(KappaWeighting.Quadratic, 0.678391959798995)]
    public void FromTable_WeightedThreeCategoryTable_MatchesIndependentAgreementWeightForm(KappaWeighting weighting, double expected)
    {
        // Expected from independent/reference_values.py (agreement weights w = 1 − v/v_max, Cohen 1968 eq. 5).
        // Hand check, linear (disagreement weights |i−j|): observed Σv·o = (3 + 2·1 + 2 + 4 + 2·0 + 3)/40 = 14/40 = 0.35;
        // rows (15,15,10), columns (13,15,12): expected Σv·r·c = (225 + 360 + 195 + 180 + 260 + 150)/1600 = 0.85625;
        // κ = 1 − 0.35/0.85625 = 0.591241.
        double[][] table = [[11, 3, 1], [2, 9, 4], [0, 3, 7]];

        double kappa = CohenKappa.FromTable(table, weighting);

        kappa.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void FromTable_BothRatersUseOneCategory_IsNaN()
    {
        double[][] table = [[10, 0], [0, 0]];

        double kappa = CohenKappa.FromTable(table);

        double.IsNaN(kappa).ShouldBeTrue();
    }

    [Fact]
    public void Compute_ItemIndicesWithRepeats_EqualsKappaOfTheExpandedSample()
    {
        int[] first = [0, 1, 1, 0, 2];
        int[] second = [0, 1, 0, 0, 2];
        int[] items = [0, 0, 2, 4, 4, 1];

        double indexed = CohenKappa.Compute(first, second, 3, KappaWeighting.None, items);
        double expanded = CohenKappa.Compute([0, 0, 1, 2, 2, 1], [0, 0, 0, 2, 2, 1], 3);

        indexed.ShouldBe(expanded, 1e-15);
    }
}

public sealed class FleissKappaTests
{
    [Fact]
    public void Compute_WikipediaFourteenRaterExample_Is0210()
    {
        // Wikipedia "Fleiss' kappa", worked example (10 subjects, 14 raters, 5 categories): P̄ = 0.378, P̄e = 0.213, κ = 0.210.
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];

        double kappa = FleissKappa.Compute(counts);

        kappa.ShouldBe(0.210, 0.0005);
    }

    [Fact]
    public void Compute_UnequalRatingsPerSubject_ThrowsNamingTheSubject()
    {
        int[][] counts = [[2, 1], [1, 1]];

        var ex = Record.Exception(() => FleissKappa.Compute(counts));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Subject 1 has 2 ratings where the first has 3");
    }
}

public sealed class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers × 12 units with missing
    // values (the same matrix as irr::kripp.alpha's example). The published values are nominal .743, ordinal .815,
    // interval .849, ratio .797; independent/reference_values.py recomputes them from the pairwise definition.
    private static readonly double?[][] Reliability =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743421052631579)]
    [InlineData(MeasurementLevel.Ordinal, 0.815387503754881)]
    [InlineData(MeasurementLevel.Interval, 0.849107142857143)]
    [InlineData(MeasurementLevel.Ratio, 0.797402774711613)]
    public void Compute_Krippendorff2011Example_ReproducesPublishedAlpha(MeasurementLevel level, double expected)
    {
        var alpha = KrippendorffAlpha.FromReliabilityData(Reliability);

        double value = alpha.Compute(level);

        value.ShouldBe(expected, 1e-12);
        Math.Round(value, 3).ShouldBe(Math.Round(expected, 3));
    }

    [Fact]
    public void Compute_UnitWithOneValue_DropsOut()
    {
        // Unit 12 has a single value (3): not pairable, so removing it changes nothing.
        var all = KrippendorffAlpha.FromReliabilityData(Reliability);

        double withUnit = all.Compute(MeasurementLevel.Interval);
        double without = all.Compute(MeasurementLevel.Interval, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        without.ShouldBe(withUnit, 1e-15);
    }

    [Fact]
    public void Compute_PerfectAgreement_IsOne()
    {
        double?[][] data = [[1, 2, 3], [1, 2, 3]];

        double value = KrippendorffAlpha.FromReliabilityData(data).Compute(MeasurementLevel.Nominal);

        value.ShouldBe(1.0, 1e-15);
    }

    [Fact]
    public void Compute_RatioWithNegativeValues_Throws()
    {
        double?[][] data = [[-1, 2], [1, 2]];

        var ex = Record.Exception(() => KrippendorffAlpha.FromReliabilityData(data).Compute(MeasurementLevel.Ratio));

        Assert.IsType<InvalidOperationException>(ex);
        ex.Message.ShouldContain("'-1'");
    }
}
