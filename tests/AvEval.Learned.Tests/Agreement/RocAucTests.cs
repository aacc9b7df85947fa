using AvEval.Learned.Agreement;

namespace AvEval.Learned.Tests.Agreement;

public sealed class RocAucTests
{
    [Fact]
    public void Of_ScikitLearnExample_IsThreeQuarters()
    {
        // scikit-learn's roc_auc_score docstring example: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] → 0.75.
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] positive = [false, false, true, true];

        var auc = RocAuc.Of(scores, positive);

        auc.ShouldBe(0.75, 1e-12);
    }

    [Fact]
    public void Of_TiedScores_CountHalf()
    {
        // One positive and one negative with equal scores: P(pos > neg) + ½·P(tie) = ½.
        double[] scores = [0.5, 0.5];
        bool[] positive = [true, false];

        var auc = RocAuc.Of(scores, positive);

        auc.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Of_OneClassOnly_IsNaN()
    {
        double[] scores = [0.2, 0.9];
        bool[] positive = [true, true];

        var auc = RocAuc.Of(scores, positive);

        double.IsNaN(auc).ShouldBeTrue();
    }
}
