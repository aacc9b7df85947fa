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
}
