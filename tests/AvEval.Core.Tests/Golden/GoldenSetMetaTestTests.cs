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
        result.Labels.Basis.ShouldBe("rule-derived");
        result.Labels.Raters.ShouldBe([EventGoldenSets.HardBrakingReadme, EventGoldenSets.HardBrakingNuPlan]);
    }

    [Fact]
    public void RunLeaveOneRaterOut_HardBrakingReadmeRater_ComparedWithTheOtherRaterOnlyAndRefused()
    {
        // The rater under test is left out, so its one other rater's labels are the reference on all 308 items (no ties):
        // the hand-computed kappa of the two definitions below (0.114635), not the 1 that adjudicating its own labels gives.
        var set = HardBrakingSet();
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new HardBrakingAnalyzer(), EventKind.HardBraking);

        var result = GoldenSetMetaTest.RunLeaveOneRaterOut(set, "hard_braking", EventGoldenSets.HardBrakingReadme, evaluator.Label, new CohenKappaAgreement());

        result.Items.ShouldBe(308);
        result.Excluded.ShouldBe(0);
        result.Agreement.Value.ShouldBe(0.114635, 1e-5);
        result.Certified.ShouldBeFalse();
        result.Reference.ShouldBe("rater 'rule.hard_braking.nuplan_comfort' (leave-one-rater-out: 'rule.hard_braking.readme' left out)");
        result.Labels.Raters.ShouldBe([EventGoldenSets.HardBrakingNuPlan]);
        result.Labels.Basis.ShouldBe("rule-derived");
        result.Message.ShouldStartWith("refused: cohen_kappa 0.115, lower 95% bound ");
        result.Message.ShouldEndWith("; against rule-derived labels of 'rule.hard_braking.nuplan_comfort' (rater 'rule.hard_braking.nuplan_comfort' (leave-one-rater-out: 'rule.hard_braking.readme' left out)), no human rater");
    }

    [Fact]
    public void RunLeaveOneRaterOut_CutInAnalyzerRater_RefusedAgainstTheReadmeDefinition()
    {
        // Hand-computed kappa 0.752670 (counts below, in Run_CutInAnalyzerKappaAgainstReadmeRater_HandComputedKappa); the
        // BCa interval of `aveval golden agreement scenarios/golden/cut_in/labels.csv --seed 0` is [0.596, 0.879], whose
        // lower bound misses the manifest's 0.6.
        var set = GoldenSetStore.Load(Path.Combine(RepoPaths.Root, "scenarios", "golden", "cut_in"));
        var evaluator = new DriveWindowEvaluator(RepoPaths.Root, new CutInAnalyzer(), EventKind.CutIn);

        var result = GoldenSetMetaTest.RunLeaveOneRaterOut(set, "cut_in", EventGoldenSets.CutInAnalyzerRater, evaluator.Label, new CohenKappaAgreement());

        result.Items.ShouldBe(160);
        result.Agreement.Value.ShouldBe(0.752670, 1e-5);
        result.Agreement.Lower95.ShouldBe(0.596, 0.0005);
        result.Agreement.Upper95.ShouldBe(0.879, 0.0005);
        result.Certified.ShouldBeFalse();
        result.Labels.Raters.ShouldBe([EventGoldenSets.CutInReadme]);
    }

    [Fact]
    public void RunLeaveOneRaterOut_TheSetsAdjudicatorUnderTest_TheOtherRatersMajorityIsTheReference()
    {
        // 40 items; people 'a' and 'b' say 1 on items 0-19 and 0 on 20-39; the rule 'c' adjudicates the set and says 0 on
        // items 0-3 too. Adjudicated with 'c' the reference is c's own labels (agreement 1); without it, a and b's
        // unanimous labels: c agrees on 36 of 40 = 0.9.
        using var folder = new TempFolder();
        var set = ThreeRaterSet(folder.Path, AdjudicationRule.ByAdjudicator("c"));
        var c = set.Labels.Where(l => l.Rater == "c").ToDictionary(l => l.Item, l => l.Label);

        var circular = GoldenSetMetaTest.Run(set, "b", i => c[i.Id], new ObservedAgreement());
        var result = GoldenSetMetaTest.RunLeaveOneRaterOut(set, "b", "c", i => c[i.Id], new ObservedAgreement());

        circular.Agreement.Value.ShouldBe(1.0);
        result.Agreement.Value.ShouldBe(0.9, 1e-12);
        result.Items.ShouldBe(40);
        result.Reference.ShouldBe("adjudicated (adjudicator:c) of the other raters (leave-one-rater-out: 'c' left out)");
        result.Labels.Raters.ShouldBe(["a", "b"]);
        result.Labels.Basis.ShouldBe("human");
        result.Message.ShouldEndWith("against human labels of 'a', 'b' (adjudicated (adjudicator:c) of the other raters (leave-one-rater-out: 'c' left out))");
    }

    [Fact]
    public void Run_HumanAndRuleRaters_SaysTheLabelsAreMixed()
    {
        using var folder = new TempFolder();
        var set = ThreeRaterSet(folder.Path, AdjudicationRule.Majority);

        var result = GoldenSetMetaTest.Run(set, "b", i => int.Parse(i.Id[1..], System.Globalization.CultureInfo.InvariantCulture) < 20 ? "1" : "0", new ObservedAgreement());

        result.Labels.Basis.ShouldBe("mixed (human + rule-derived)");
        result.Message.ShouldEndWith("against mixed (human + rule-derived) labels of 'a', 'b', 'c' (adjudicated (majority))");
    }

    [Fact]
    public void RunLeaveOneRaterOut_TheOnlyRater_RefusedSayingWhy()
    {
        using var folder = new TempFolder();
        var items = Enumerable.Range(0, 10).Select(i => new GoldenItem($"i{i}", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = i })).ToList();
        var labels = items.Select(i => new GoldenLabel(i.Id, "rule.only", RaterKind.Rule, i.Id == "i0" ? "1" : "0")).ToList();
        var set = GoldenSetStore.Write(folder.Path, new GoldenSetDescription("solo", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, [new CertificationThreshold("b", "cohen_kappa", 0.6, 0.1)]), items, labels);

        var result = GoldenSetMetaTest.RunLeaveOneRaterOut(set, "b", "rule.only", _ => "0", new CohenKappaAgreement());

        result.Certified.ShouldBeFalse();
        result.Items.ShouldBe(0);
        result.Excluded.ShouldBe(10);
        result.Labels.Basis.ShouldBe("none");
        result.Message.ShouldBe("refused: 'rule.only' is the only rater of golden set 'solo', so no labels independent of it remain to check it against (leave-one-rater-out); add labels from another rater, ideally people");
    }

    [Fact]
    public void RunLeaveOneRaterOut_NotARaterOfTheSet_ArgumentErrorNamingTheRaters()
    {
        var set = HardBrakingSet();

        var ex = Record.Exception(() => GoldenSetMetaTest.RunLeaveOneRaterOut(set, "hard_braking", "rule.other", _ => "0", new ObservedAgreement()));

        var error = Assert.IsType<ArgumentException>(ex);
        error.Message.ShouldStartWith("'rule.other' is not a rater of golden set 'hard_braking' (raters: 'rule.hard_braking.readme', 'rule.hard_braking.nuplan_comfort'); check an evaluator that did not label the set with Run.");
    }

    private static GoldenSet ThreeRaterSet(string folder, AdjudicationRule rule)
    {
        var items = Enumerable.Range(0, 40).Select(i => new GoldenItem($"i{i}", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = i })).ToList();
        var labels = new List<GoldenLabel>();
        for (int i = 0; i < 40; i++)
        {
            string truth = i < 20 ? "1" : "0";
            labels.Add(new GoldenLabel($"i{i}", "a", RaterKind.Human, truth));
            labels.Add(new GoldenLabel($"i{i}", "b", RaterKind.Human, truth));
            labels.Add(new GoldenLabel($"i{i}", "c", RaterKind.Rule, i < 4 ? "0" : truth));
        }

        return GoldenSetStore.Write(folder, new GoldenSetDescription("three", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, rule, [new CertificationThreshold("b", "observed_agreement", 0.6, 0.1)]), items, labels);
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
