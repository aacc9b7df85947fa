using System.Globalization;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Golden;
using AvEval.Golden.Events;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using Shouldly;
using Xunit;

namespace AvEval.Xunit;

/// <summary>
/// Runs a <see cref="GoldenSetCase"/>: for a learned evaluator, recomputes its certification against the set
/// (<see cref="GoldenSetCertification.Compute"/>) and asserts that its card records the same one — same golden-set
/// hashes and model hash, same verdict, same kappa and ECE with their intervals (within 1e-4, which covers CUDA vs CPU
/// outputs) and the same kind of reference labels (human, rule-derived, model) — so that a card cannot claim a
/// certification the data no longer supports. For a rule rater, re-runs its analyzer on every item, asserts that it
/// still gives the labels the set records for it, and checks it against the OTHER raters' labels only
/// (leave-one-rater-out; <see cref="CertifyRule"/>): certified or refused, that result is reported, never one against
/// labels the rater produced itself (rules give no probability, so no ECE). Kappa and ECE go to the test output.
/// </summary>
public static class GoldenSetRunner
{
    private const double Tolerance = 1e-4;

    /// <summary>The rule raters of the shipped sets that AvEval's analyzers implement, with the event kind they report.</summary>
    public static IReadOnlyDictionary<string, (Func<IDriveAnalyzer> Analyzer, EventKind Kind)> RuleRaters { get; } =
        new Dictionary<string, (Func<IDriveAnalyzer>, EventKind)>(StringComparer.Ordinal)
        {
            [EventGoldenSets.HardBrakingReadme] = (() => new HardBrakingAnalyzer(), EventKind.HardBraking),
            [EventGoldenSets.CutInAnalyzerRater] = (() => new CutInAnalyzer(), EventKind.CutIn),
        };

    /// <summary>Runs the check; the test fails with a message saying what differs and what to run.</summary>
    /// <exception cref="ShouldAssertException">The check fails.</exception>
    public static void Verify(GoldenSetCase check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Problem is { } problem)
        {
            throw new ShouldAssertException(problem);
        }

        string folder = Path.Combine(check.ScenariosFolder, Internal.CertificationGate.GoldenFolder, check.GoldenSet);
        string root = Path.GetDirectoryName(Path.GetFullPath(check.ScenariosFolder))!;
        if (check.IsRule)
        {
            VerifyRule(check);
        }
        else
        {
            VerifyLearned(check, folder, root);
        }
    }

    /// <summary>
    /// Re-runs a rule rater's analyzer on every item of its set and checks it against the labels of the OTHER raters only
    /// (<see cref="GoldenSetMetaTest.RunLeaveOneRaterOut"/>), one result per behaviour the manifest certifies.
    /// </summary>
    /// <param name="check">A rule-rater case (<see cref="GoldenSetCase.IsRule"/>).</param>
    /// <returns>The results, certified or refused; each says what kind of labels it rests on.</returns>
    /// <exception cref="ShouldAssertException">The case cannot run, or the analyzer no longer gives the labels the set records for it.</exception>
    public static IReadOnlyList<MetaTestResult> CertifyRule(GoldenSetCase check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Problem is { } problem)
        {
            throw new ShouldAssertException(problem);
        }

        string folder = Path.Combine(check.ScenariosFolder, Internal.CertificationGate.GoldenFolder, check.GoldenSet);
        string root = Path.GetDirectoryName(Path.GetFullPath(check.ScenariosFolder))!;
        var set = GoldenSetStore.Load(folder);
        var (analyzer, kind) = RuleRaters[check.Evaluator];
        var evaluator = new DriveWindowEvaluator(root, analyzer(), kind);
        var labels = set.Items.ToDictionary(i => i.Id, evaluator.Label, StringComparer.Ordinal);
        var differing = set.Labels.Where(l => l.Rater == check.Evaluator && labels[l.Item] != l.Label).Select(l => $"'{l.Item}' (set {l.Label}, analyzer {labels[l.Item]})").ToList();
        differing.ShouldBeEmpty($"rule rater '{check.Evaluator}' no longer gives the labels golden set '{check.GoldenSet}' records for it on {differing.Count} items ({string.Join(", ", differing.Take(5))}); the analyzer changed since the set was built: rebuild the set with `aveval golden build` if the change is intended.");
        return [.. set.Manifest.Certification.Select(t => GoldenSetMetaTest.RunLeaveOneRaterOut(set, t.Behaviour, check.Evaluator, item => labels[item.Id], new CohenKappaAgreement(EvaluatorCertifier.DefaultBootstrap)))];
    }

    private static void VerifyRule(GoldenSetCase check)
    {
        foreach (var result in CertifyRule(check))
        {
            Report($"{check.DisplayName} ({result.Behaviour}, leave-one-rater-out): {result.Statistic} {F(result.Agreement.Value)} 95% [{F(result.Agreement.Lower95)}, {F(result.Agreement.Upper95)}] on {result.Items} items ({result.Excluded} without a reference label left out); labels: {result.Labels.Basis}; {result.Message}");
            result.Labels.Raters.ShouldNotContain(check.Evaluator, $"rule rater '{check.Evaluator}' must not be checked against labels it helped produce");
        }
    }

    private static void VerifyLearned(GoldenSetCase check, string folder, string root)
    {
        var (id, version) = GoldenSetCertification.ParseTarget(check.Evaluator);
        var models = ScenarioSuite.Open(check.ScenariosFolder).Models;
        var card = models.ReadCard(id, version);
        var computed = GoldenSetCertification.Compute(root, folder, models.Open(id, version), TimeProvider.System);
        Report($"{check.DisplayName} ({computed.Behaviour}, {computed.LabelBasis} labels): {computed.Statistic} {F(computed.Value)} 95% [{F(computed.Ci95[0])}, {F(computed.Ci95[1])}], ECE {F(computed.Ece)} 95% [{F(computed.EceCi95[0])}, {F(computed.EceCi95[1])}] on {computed.Items} items ({computed.Unresolved} unresolved left out): {computed.Reason}");
        string rerun = $"run `aveval golden certify {card.Key} --golden {check.GoldenSet}` and commit the card";
        var recorded = (card.Certifications ?? []).FirstOrDefault(c => c.Behaviour == computed.Behaviour && c.GoldenSet.Name == check.GoldenSet);
        recorded.ShouldNotBeNull($"the card of '{card.Key}' records no certification against golden set '{check.GoldenSet}' for behaviour '{computed.Behaviour}' ({computed.Reason}); {rerun}.");
        recorded.GoldenSet.ShouldBe(computed.GoldenSet, $"the card of '{card.Key}' records a certification against another state of golden set '{check.GoldenSet}' (stale); {rerun}.");
        recorded.ModelSha256.ShouldBe(computed.ModelSha256, $"the card of '{card.Key}' records a certification of another model file (stale); {rerun}.");
        recorded.LabelBasis.ShouldBe(computed.LabelBasis, $"the card of '{card.Key}' says its certification rests on '{recorded.LabelBasis ?? "(not recorded)"}' labels but golden set '{check.GoldenSet}' has {computed.LabelBasis} labels; {rerun}.");
        recorded.ReferenceRaters.ShouldBe(computed.ReferenceRaters, $"the card of '{card.Key}' records other reference raters than golden set '{check.GoldenSet}' has; {rerun}.");
        recorded.Certified.ShouldBe(computed.Certified, $"the card of '{card.Key}' says {(recorded.Certified ? "certified" : "refused")} but the data says: {computed.Reason}; {rerun}.");
        double[] expected = [recorded.Value, .. recorded.Ci95, recorded.Ece, .. recorded.EceCi95];
        double[] actual = [computed.Value, .. computed.Ci95, computed.Ece, .. computed.EceCi95];
        for (int i = 0; i < expected.Length; i++)
        {
            Math.Abs(expected[i] - actual[i]).ShouldBeLessThanOrEqualTo(Tolerance, $"the card of '{card.Key}' records kappa, interval, ECE, interval [{string.Join(", ", expected.Select(F))}] but the data gives [{string.Join(", ", actual.Select(F))}]; {rerun}.");
        }
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
