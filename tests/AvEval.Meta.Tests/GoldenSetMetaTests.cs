using AvEval.Golden.Events;
using AvEval.Xunit;

namespace AvEval.Meta.Tests;

/// <summary>
/// The evaluators checked against the shipped golden sets: every learned evaluator version whose task a set certifies must
/// have in its card exactly the certification the data gives (certified or refused, and on what kind of labels), and every
/// rule rater AvEval implements must still give the labels the set records for it and is checked against the OTHER
/// rater's labels only (leave-one-rater-out), never against labels it produced.
/// </summary>
public class GoldenSetMetaTests
{
    [Theory]
    [GoldenSet("hard_braking")]
    [GoldenSet("cut_in")]
    public void Evaluator_AgainstGoldenSet_MatchesWhatItsCardRecords(GoldenSetCase check) => GoldenSetRunner.Verify(check);

    [Theory]
    // Expected kappa and interval: `aveval golden agreement scenarios/golden/<set>/labels.csv --seed 0` (the two raters'
    // Cohen's kappa, BCa, 2,000 resamples), hand-checked from the label counts in GoldenSetMetaTestTests.
    [InlineData("hard_braking", EventGoldenSets.HardBrakingReadme, EventGoldenSets.HardBrakingNuPlan, 0.115, 0.055, 0.187)]
    [InlineData("cut_in", EventGoldenSets.CutInAnalyzerRater, EventGoldenSets.CutInReadme, 0.753, 0.596, 0.879)]
    public void RuleRater_LeaveOneRaterOut_RefusedAgainstTheOtherDefinitionOnRuleDerivedLabels(string goldenSet, string rater, string other, double kappa, double lower, double upper)
    {
        var check = new GoldenSetAttribute(goldenSet).Discover(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory).Single(c => c.Evaluator == rater);

        var result = GoldenSetRunner.CertifyRule(check).Single();

        result.Certified.ShouldBeFalse(result.Message);
        result.Labels.Raters.ShouldBe([other]);
        result.Labels.Basis.ShouldBe("rule-derived");
        result.Agreement.Value.ShouldBe(kappa, 0.0005);
        result.Agreement.Lower95.ShouldBe(lower, 0.0005);
        result.Agreement.Upper95.ShouldBe(upper, 0.0005);
        result.Message.ShouldEndWith($"against rule-derived labels of '{other}' (rater '{other}' (leave-one-rater-out: '{rater}' left out)), no human rater");
    }
}
