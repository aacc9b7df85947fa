using AvEval.Statistics;

namespace AvEval.Tests.Statistics;

public sealed class ReliabilityDiagramTests
{
    // Six items, hand-binned into 2 equal-width bins ((0, 0.5] and (0.5, 1]):
    //   bin 1: 0.2 (false), 0.4 (true), 0.5 (false, on the boundary: right-closed, so bin 1) → conf 1.1/3, acc 1/3
    //   bin 2: 0.6 (true), 0.9 (true), 1.0 (false)                                          → conf 2.5/3, acc 2/3
    // ECE = 3/6·|1/3 − 1.1/3| + 3/6·|2/3 − 2.5/3| = 0.5·0.1/3 + 0.5·0.5/3 = 0.1; MCE = 0.5/3 = 1/6.
    private static readonly double[] Confidences = [0.2, 0.4, 0.5, 0.6, 0.9, 1.0];
    private static readonly bool[] Outcomes = [false, true, false, true, true, false];

    [Fact]
    public void Compute_EqualWidthHandExample_GivesEceMceAndBins()
    {
        var diagram = ReliabilityDiagram.Compute(Confidences, Outcomes, 2, CalibrationBinning.EqualWidth);

        diagram.Ece.ShouldBe(0.1, 1e-15);
        diagram.Mce.ShouldBe(1.0 / 6.0, 1e-15);
        diagram.Bins.Select(b => b.Count).ShouldBe([3, 3]);
        diagram.Bins[0].MeanConfidence.ShouldBe(1.1 / 3, 1e-15);
        diagram.Bins[1].Accuracy.ShouldBe(2.0 / 3, 1e-15);
    }

    [Fact]
    public void Compute_EqualMassThreeBins_SplitsSortedItemsInPairs()
    {
        // Sorted confidences in pairs: (0.2 F, 0.4 T) conf 0.3 acc 0.5; (0.5 F, 0.6 T) conf 0.55 acc 0.5;
        // (0.9 T, 1.0 F) conf 0.95 acc 0.5. ECE = (0.2 + 0.05 + 0.45)/3 = 0.7/3; MCE = 0.45.
        var diagram = ReliabilityDiagram.Compute(Confidences, Outcomes, 3, CalibrationBinning.EqualMass);

        diagram.Ece.ShouldBe(0.7 / 3, 1e-15);
        diagram.Mce.ShouldBe(0.45, 1e-15);
        diagram.Bins.Select(b => (b.Lower, b.Upper)).ShouldBe([(0.2, 0.4), (0.5, 0.6), (0.9, 1.0)]);
    }

    [Fact]
    public void Compute_ConfidenceOnTenthBoundary_FallsInTheLowerBin()
    {
        // 0.3·10 rounds to 3.0000000000000004 in binary; the bin is still (0.2, 0.3], the third of ten.
        var diagram = ReliabilityDiagram.Compute([0.3], [true], 10, CalibrationBinning.EqualWidth);

        diagram.Bins[2].Count.ShouldBe(1);
    }

    [Fact]
    public void EqualWidthCalibrationEce_IndexedResample_EqualsExpandedSample()
    {
        int[] items = [0, 0, 3, 5, 5, 5];

        double indexed = new EqualWidthCalibration(Confidences, Outcomes, 2).Ece(items);
        double expanded = ReliabilityDiagram.Compute([0.2, 0.2, 0.6, 1.0, 1.0, 1.0], [false, false, true, false, false, false], 2, CalibrationBinning.EqualWidth).Ece;

        indexed.ShouldBe(expanded, 1e-15);
    }

    [Fact]
    public void Compute_ConfidenceAboveOne_Throws()
    {
        var ex = Record.Exception(() => ReliabilityDiagram.Compute([1.2], [true], 10, CalibrationBinning.EqualWidth));

        Assert.IsType<ArgumentOutOfRangeException>(ex);
        ex.Message.ShouldContain("'1.2'");
    }
}

public sealed class BrierScoreTests
{
    [Fact]
    public void Compute_HandExample_IsMeanSquaredError()
    {
        // scikit-learn brier_score_loss docs: y_true [0, 1, 1, 0], y_prob [0.1, 0.9, 0.8, 0.3] → 0.0375
        // (0.01 + 0.01 + 0.04 + 0.09)/4 = 0.0375.
        double brier = BrierScore.Compute([0.1, 0.9, 0.8, 0.3], [false, true, true, false]);

        brier.ShouldBe(0.0375, 1e-15);
    }
}

public sealed class TemperatureScalingTests
{
    // Eight 3-class rows; the expected T is from independent/reference_values.py (golden-section search of the NLL over T).
    private static readonly double[] Logits =
    [
        2.0, 0.5, -1.0, 0.3, 1.8, 0.1, 1.5, 1.4, -0.5, -0.2, 0.1, 2.2,
        3.0, -1.0, 0.0, 0.0, 2.5, 1.0, 1.0, 0.9, 0.8, 2.2, 0.0, 1.9,
    ];

    private static readonly int[] Labels = [0, 1, 1, 2, 0, 2, 2, 0];

    [Fact]
    public void Fit_SmallThreeClassSet_MatchesIndependentGoldenSectionSearch()
    {
        var scaling = TemperatureScaling.Fit(Logits, 3, Labels);

        scaling.Temperature.ShouldBe(0.844294973453, 1e-8);
        scaling.NegativeLogLikelihood(Logits, 3, Labels).ShouldBe(0.648516313927, 1e-10);
    }

    [Fact]
    public void Probabilities_SumToOne()
    {
        var scaling = new TemperatureScaling(2.0);

        double[] p = scaling.Probabilities([1.0, 2.0, 3.0]);

        // softmax([0.5, 1, 1.5]): e^0.5, e^1, e^1.5 over their sum 1.6487 + 2.7183 + 4.4817 = 8.8487 → 0.18632, 0.30720, 0.50648.
        p.Sum().ShouldBe(1.0, 1e-15);
        p[0].ShouldBe(0.186324, 1e-6);
        p[2].ShouldBe(0.506480, 1e-6);
    }

    [Fact]
    public void Fit_LabelOutsideTheClasses_ThrowsNamingTheLabel()
    {
        var ex = Record.Exception(() => TemperatureScaling.Fit([0.0, 1.0, 1.0, 0.0], 2, [0, 2]));

        Assert.IsType<ArgumentOutOfRangeException>(ex);
        ex.Message.ShouldStartWith("Label 1 is '2'; a class lies in 0..1.");
    }

    [Fact]
    public void Fit_NaNLogit_ThrowsNamingTheRow()
    {
        var ex = Record.Exception(() => TemperatureScaling.Fit([0.0, 1.0, double.NaN, 0.0], 2, [0, 1]));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Logit 2 (row 1) is 'NaN'; temperature scaling needs finite logits.");
    }
}

public sealed class PlattScalingTests
{
    [Fact]
    public void Fit_TwelveScores_MatchesIndependentGradientDescentWithPlattTargets()
    {
        // Expected A, B from independent/reference_values.py: gradient descent on the cross-entropy against Platt's
        // targets t+ = (6+1)/(6+2), t− = 1/(6+2).
        double[] scores = [-2.1, -1.3, -0.8, -0.2, 0.1, 0.4, 0.9, 1.5, 2.2, -0.5, 0.7, 1.1];
        bool[] labels = [false, false, false, true, false, true, true, true, true, false, false, true];

        var platt = PlattScaling.Fit(scores, labels);

        platt.A.ShouldBe(-1.179291685837, 1e-8);
        platt.B.ShouldBe(0.226088956419, 1e-8);
        platt.Probability(0).ShouldBe(1 / (1 + Math.Exp(0.226088956419)), 1e-8);
    }

    [Fact]
    public void Fit_OneClassOnly_Throws()
    {
        var ex = Record.Exception(() => PlattScaling.Fit([1.0, 2.0], [true, true]));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Platt scaling needs both classes");
    }

    [Fact]
    public void Fit_NaNScore_ThrowsNamingTheScore()
    {
        var ex = Record.Exception(() => PlattScaling.Fit([1.0, double.NaN, -1.0], [true, false, false]));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Score 1 is 'NaN'; Platt scaling needs finite scores.");
    }
}

public sealed class IsotonicRegressionTests
{
    [Fact]
    public void Pav_TwoViolations_PoolsTheirPairs()
    {
        // By hand: [1, 3, 2, 4, 3, 5] → pools (3, 2) → 2.5 and (4, 3) → 3.5.
        double[] fitted = IsotonicRegression.Pav([1, 3, 2, 4, 3, 5], [1, 1, 1, 1, 1, 1]);

        fitted.ShouldBe([1, 2.5, 2.5, 3.5, 3.5, 5]);
    }

    [Fact]
    public void Pav_Weighted_PoolsToTheWeightedMean()
    {
        // [4 (w 3), 1 (w 1)] violate order: pooled mean (12 + 1)/4 = 3.25.
        double[] fitted = IsotonicRegression.Pav([4, 1], [3, 1]);

        fitted.ShouldBe([3.25, 3.25]);
    }

    [Fact]
    public void Predict_BetweenAndOutsidePoints_InterpolatesAndClips()
    {
        // x = 0.1, 0.4, 0.35, 0.8 with y = 0, 0, 1, 1 → sorted y = 0, 1, 0, 1 → PAV 0, 0.5, 0.5, 1.
        var model = IsotonicRegression.Fit([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);

        model.Y.ShouldBe([0, 0.5, 0.5, 1]);
        model.Predict(0.6).ShouldBe(0.75, 1e-15);
        model.Predict(0.0).ShouldBe(0);
        model.Predict(2.0).ShouldBe(1);
    }

    [Fact]
    public void Fit_EqualX_PoolsFirst()
    {
        var model = IsotonicRegression.Fit([1, 1, 2], [0, 1, 0.2]);

        // x = 1 pools to 0.5 (weight 2); it violates order with 0.2 at x = 2: (2·0.5 + 0.2)/3 = 0.4.
        model.X.ShouldBe([1.0, 2.0]);
        model.Y[0].ShouldBe(0.4, 1e-15);
        model.Y[1].ShouldBe(0.4, 1e-15);
    }
}
