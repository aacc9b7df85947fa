using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Golden;
using AvEval.Golden.Events;

namespace AvEval.Tests.Golden;

public sealed class GoldenSetMetaTestTests
{
    private static GoldenSet HardBrakingSet() => GoldenSetStore.Load(Path.Combine(RepoPaths.Root, "scenarios", "golden", "hard_braking"));

    [Fact]
    public void Run_HardBrakingAnalyzerAgainstNuPlanRater_ObservedAgreementAsCountedFromLabels()
    {
        // Counted from labels.csv with Python's csv module (independent of this code): of 308 items, both raters say 1 on 22
        // and 0 on 154 → 176 / 308 = 0.5714. Wilson 95% (z = 1.96, computed in Python): [0.515616, 0.625481].
        var set = HardBrakingSet();
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new HardBrakingAnalyzer(), EventKind.HardBraking);

        var result = GoldenSetMetaTest.Run(set, "hard_braking", evaluator.Label, new ObservedAgreement(), EventGoldenSets.HardBrakingNuPlan);

        result.Items.ShouldBe(308);
        result.Excluded.ShouldBe(0);
        result.Agreement.Value.ShouldBe(176.0 / 308, 1e-12);
        result.Agreement.Lower95.ShouldBe(0.515616, 1e-6);
        result.Agreement.Upper95.ShouldBe(0.625481, 1e-6);
        result.Certified.ShouldBeFalse();
        result.Message.ShouldStartWith("not certified: the manifest certifies on 'cohen_kappa' but the check used 'observed_agreement'");
    }

    [Fact]
    public void Run_HardBrakingAnalyzerAgainstAdjudicated_AgreesOnEveryResolvedItemAndTiesAreExcluded()
    {
        // Majority of two raters: the 132 items they disagree on (126 + 6) are ties and left out; on the 176 others the
        // analyzer is one of the two agreeing raters, so it agrees on all of them (the circularity is the point of reporting
        // the other rater's agreement too).
        var set = HardBrakingSet();
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new HardBrakingAnalyzer(), EventKind.HardBraking);

        var result = GoldenSetMetaTest.Run(set, "hard_braking", evaluator.Label, new ObservedAgreement());

        result.Items.ShouldBe(176);
        result.Excluded.ShouldBe(132);
        result.Agreement.Value.ShouldBe(1.0);
        result.Reference.ShouldBe("adjudicated (majority)");
    }

    [Fact]
    public void Run_StatisticNamedInManifest_CertifiesWhenLowerBoundReachesThreshold()
    {
        // A set of 40 items all labelled 1, an evaluator that says 1: agreement 1, Wilson lower bound
        // 40 / (40 + 1.96²) = 0.9124 ≥ 0.6 → certified under a manifest that certifies on observed_agreement.
        using var folder = new TempFolder();
        var items = Enumerable.Range(0, 40).Select(i => new GoldenItem($"i{i}", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = i })).ToList();
        var labels = items.Select(i => new GoldenLabel(i.Id, "r", RaterKind.Human, "1")).ToList();
        var set = GoldenSetStore.Write(folder.Path, new GoldenSetDescription("t", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, [new CertificationThreshold("b", "observed_agreement", 0.6, 0.1)]), items, labels);

        var result = GoldenSetMetaTest.Run(set, "b", _ => "1", new ObservedAgreement());

        result.Agreement.Lower95.ShouldBe(40 / (40 + (1.959963984540054 * 1.959963984540054)), 1e-12);
        result.Certified.ShouldBeTrue();
    }

    [Fact]
    public void Run_HardBrakingAnalyzerKappaAgainstNuPlanRater_RefusedWithHandComputedKappa()
    {
        // Counts from labels.csv (Python csv): analyzer 1 & nuPlan 1: 22, 1 & 0: 126, 0 & 1: 6, 0 & 0: 154 (n = 308).
        // po = 176/308 = 0.571429; pe = (148·28 + 160·280) / 308² = 48944 / 94864 = 0.515938;
        // kappa = (0.571429 − 0.515938) / (1 − 0.515938) = 0.114635.
        var set = HardBrakingSet();
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new HardBrakingAnalyzer(), EventKind.HardBraking);

        var result = GoldenSetMetaTest.Run(set, "hard_braking", evaluator.Label, new CohenKappaAgreement(), EventGoldenSets.HardBrakingNuPlan);
        TestContext.Current.TestOutputHelper?.WriteLine(result.Message + $" [{result.Agreement.Lower95}, {result.Agreement.Upper95}]");

        result.Agreement.Value.ShouldBe(0.114635, 1e-5);
        result.Agreement.Lower95.ShouldBeLessThan(0.6);
        result.Certified.ShouldBeFalse();
        result.Message.ShouldStartWith("refused: cohen_kappa 0.115, lower 95% bound ");
    }

    [Fact]
    public void Run_CutInAnalyzerKappaAgainstReadmeRater_HandComputedKappa()
    {
        // Counts from cut_in/labels.csv (Python csv): analyzer 1 & README 1: 21, 1 & 0: 10, 0 & 1: 1, 0 & 0: 128 (n = 160).
        // po = 149/160 = 0.93125; pe = (31·22 + 129·138) / 160² = 18484 / 25600 = 0.722031;
        // kappa = (0.93125 − 0.722031) / (1 − 0.722031) = 0.752670.
        var set = GoldenSetStore.Load(Path.Combine(RepoPaths.Root, "scenarios", "golden", "cut_in"));
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new CutInAnalyzer(), EventKind.CutIn);

        var result = GoldenSetMetaTest.Run(set, "cut_in", evaluator.Label, new CohenKappaAgreement(), EventGoldenSets.CutInReadme);
        TestContext.Current.TestOutputHelper?.WriteLine(result.Message + $" [{result.Agreement.Lower95}, {result.Agreement.Upper95}]");

        result.Items.ShouldBe(160);
        result.Agreement.Value.ShouldBe(0.752670, 1e-5);
    }

    [Fact]
    public void Run_KappaWhenEveryLabelIsOneCategory_RefusedAsUndefined()
    {
        // 40 items all labelled 1 and an evaluator that says 1: the table is [[0, 0], [0, 40]], so pₑ = 1 and
        // kappa = (pₒ − pₑ)/(1 − pₑ) is 0/0, undefined on the set and on every resample.
        using var folder = new TempFolder();
        var items = Enumerable.Range(0, 40).Select(i => new GoldenItem($"i{i}", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = i })).ToList();
        var labels = items.Select(i => new GoldenLabel(i.Id, "r", RaterKind.Human, "1")).ToList();
        var set = GoldenSetStore.Write(folder.Path, new GoldenSetDescription("t", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, [new CertificationThreshold("b", "cohen_kappa", 0.6, 0.1)]), items, labels);

        var result = GoldenSetMetaTest.Run(set, "b", _ => "1", new CohenKappaAgreement(new AvEval.Statistics.BootstrapOptions(Resamples: 200)));

        result.Certified.ShouldBeFalse();
        result.Message.ShouldStartWith("refused: cohen_kappa is undefined on these 40 items (value NaN, lower 95% bound NaN)");
    }
}
