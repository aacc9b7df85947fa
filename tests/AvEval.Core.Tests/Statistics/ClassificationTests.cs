using AvEval.Statistics;

namespace AvEval.Tests.Statistics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void OfBinary_HandCountedExample_GivesPrecisionRecallF1()
    {
        // Reference/predicted pairs: TP = 3 (items 0,1,2), FN = 1 (item 3), FP = 2 (items 4,5), TN = 2 (items 6,7).
        // Precision 3/5 = 0.6, recall 3/4 = 0.75, F1 = 2·0.6·0.75/(0.6 + 0.75) = 0.9/1.35 = 2/3, accuracy 5/8.
        bool[] reference = [true, true, true, true, false, false, false, false];
        bool[] predicted = [true, true, true, false, true, true, false, false];

        var matrix = ConfusionMatrix.OfBinary(reference, predicted);

        matrix.TruePositives().ShouldBe(3);
        matrix.FalseNegatives().ShouldBe(1);
        matrix.FalsePositives().ShouldBe(2);
        matrix[0, 0].ShouldBe(2);
        matrix.Precision().ShouldBe(0.6, 1e-15);
        matrix.Recall().ShouldBe(0.75, 1e-15);
        matrix.F1().ShouldBe(2.0 / 3.0, 1e-15);
        matrix.Accuracy().ShouldBe(0.625, 1e-15);
    }

    [Fact]
    public void Precision_NothingPredictedPositive_IsNaN()
    {
        var matrix = ConfusionMatrix.OfBinary([true, false], [false, false]);

        double precision = matrix.Precision();

        double.IsNaN(precision).ShouldBeTrue();
    }

    [Fact]
    public void Of_ThreeClassScikitLearnExample_CountsCells()
    {
        // scikit-learn confusion_matrix docs: y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2]
        // → [[2, 0, 0], [0, 0, 1], [1, 0, 2]].
        var matrix = ConfusionMatrix.Of([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3);

        long[] cells = [.. Enumerable.Range(0, 9).Select(i => matrix[i / 3, i % 3])];

        cells.ShouldBe([2L, 0, 0, 0, 0, 1, 1, 0, 2]);
    }
}

public sealed class RocAucTests
{
    [Fact]
    public void Compute_ScikitLearnDocumentedExample_Is075()
    {
        // scikit-learn roc_auc_score docs: y_true = [0, 0, 1, 1], y_scores = [0.1, 0.4, 0.35, 0.8] → 0.75.
        double auc = RocAuc.Compute([false, false, true, true], [0.1, 0.4, 0.35, 0.8]);

        auc.ShouldBe(0.75, 1e-15);
    }

    [Fact]
    public void Compute_TiedScoresAcrossClasses_CountHalf()
    {
        // One positive and one negative with the same score: P(pos > neg) + ½P(tie) = ½.
        double auc = RocAuc.Compute([true, false], [0.5, 0.5]);

        auc.ShouldBe(0.5, 1e-15);
    }
}

public sealed class AveragePrecisionTests
{
    [Fact]
    public void Compute_ScikitLearnDocumentedExample_Is083333()
    {
        // scikit-learn average_precision_score docs: same data as roc_auc_score → 0.8333...
        // By hand: thresholds 0.8 (P=1, R=0.5), 0.4 (P=1/2, R=0.5), 0.35 (P=2/3, R=1), 0.1 (P=1/2, R=1);
        // AP = 0.5·1 + 0·½ + 0.5·⅔ + 0 = 5/6.
        double ap = AveragePrecision.Compute([false, false, true, true], [0.1, 0.4, 0.35, 0.8]);

        ap.ShouldBe(5.0 / 6.0, 1e-15);
    }

    [Fact]
    public void Compute_TiedScoresEnterTogether()
    {
        // Both items at 0.5, one positive: a single threshold with P = ½, R = 1 → AP = ½ (no credit for order within a tie).
        double ap = AveragePrecision.Compute([true, false], [0.5, 0.5]);

        ap.ShouldBe(0.5, 1e-15);
    }

    [Fact]
    public void Compute_NaNScore_ThrowsNamingTheScore()
    {
        var ex = Record.Exception(() => AveragePrecision.Compute([true, false, true], [0.9, double.NaN, 0.2]));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Score 1 is NaN; average precision needs comparable scores.");
    }
}

public sealed class RankCorrelationTests
{
    [Fact]
    public void Spearman_SciPyDocumentedExample_Matches()
    {
        // SciPy spearmanr docs: spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → statistic 0.8207826816681233.
        double rho = RankCorrelation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);

        rho.ShouldBe(0.8207826816681233, 1e-14);
    }

    [Fact]
    public void KendallTauB_SciPyDocumentedExample_Matches()
    {
        // SciPy kendalltau docs: x1 = [12, 2, 1, 12, 2], x2 = [1, 4, 7, 1, 0] → tau = -0.47140452079103173.
        double tau = RankCorrelation.KendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]);

        tau.ShouldBe(-0.47140452079103173, 1e-14);
    }

    [Fact]
    public void KendallTauB_InfiniteTies_CountAsTies()
    {
        // x = [1, ∞, ∞], y = [1, 2, 3]: pairs (0,1) and (0,2) concordant, (1,2) tied in x only;
        // τ-b = (2 − 0)/√((3 − 1)(3 − 0)) = 2/√6 = 0.816496580927726.
        double tau = RankCorrelation.KendallTauB([1, double.PositiveInfinity, double.PositiveInfinity], [1, 2, 3]);

        tau.ShouldBe(2 / Math.Sqrt(6), 1e-15);
    }

    [Fact]
    public void KendallTauB_NaN_ThrowsNamingTheValue()
    {
        var ex = Record.Exception(() => RankCorrelation.KendallTauB([1, 2, 3], [1, double.NaN, 3]));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("Value 1 is NaN; ranks need comparable values.");
    }

    [Fact]
    public void Ranks_Average_TiesShareTheMeanRank()
    {
        // SciPy rankdata docs: rankdata([0, 2, 3, 2]) → [1, 2.5, 4, 2.5].
        double[] ranks = Ranks.Average([0, 2, 3, 2]);

        ranks.ShouldBe([1, 2.5, 4, 2.5]);
    }
}
