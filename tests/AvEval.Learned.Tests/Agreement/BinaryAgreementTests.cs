using AvEval.Learned.Agreement;

namespace AvEval.Learned.Tests.Agreement;

public sealed class BinaryAgreementTests
{
    [Fact]
    public void Kappa_HandCountedTable_MatchesCohenFormula()
    {
        // n = 50; p_o = (20 + 15) / 50 = 0.7; learned positive 25/50 = 0.5, rule positive 30/50 = 0.6;
        // p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
        var table = new BinaryAgreement(BothPositive: 20, LearnedOnly: 5, RuleOnly: 10, BothNegative: 15);

        var kappa = table.Kappa;

        kappa.ShouldBe(0.4, 1e-12);
        table.Precision.ShouldBe(0.8, 1e-12);
        table.Recall.ShouldBe(20.0 / 30.0, 1e-12);
    }

    [Fact]
    public void Of_PairedLabels_CountsEachCell()
    {
        bool[] learned = [true, true, false, false, true];
        bool[] rule = [true, false, true, false, true];

        var table = BinaryAgreement.Of(learned, rule);

        table.ShouldBe(new BinaryAgreement(2, 1, 1, 1));
    }

    [Fact]
    public void Kappa_PerfectAgreement_IsOne()
    {
        var table = new BinaryAgreement(3, 0, 0, 7);

        var kappa = table.Kappa;

        kappa.ShouldBe(1.0, 1e-12);
    }
}
