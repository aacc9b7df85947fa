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
/// outputs) — so that a card cannot claim a certification the data no longer supports. For a rule rater, re-runs its
/// analyzer on every item and asserts that it is certified (lower 95% bound of kappa with the adjudicated labels at the
/// manifest's threshold; rules give no probability, so no ECE). Kappa and ECE go to the test output.
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
            VerifyRule(check, folder, root);
        }
        else
        {
            VerifyLearned(check, folder, root);
        }
    }

    private static void VerifyRule(GoldenSetCase check, string folder, string root)
    {
        var set = GoldenSetStore.Load(folder);
        var (analyzer, kind) = RuleRaters[check.Evaluator];
        var evaluator = new DriveWindowEvaluator(root, analyzer(), kind);
        foreach (var threshold in set.Manifest.Certification)
        {
            var result = GoldenSetMetaTest.Run(set, threshold.Behaviour, evaluator.Label, new CohenKappaAgreement(EvaluatorCertifier.DefaultBootstrap));
            Report($"{check.DisplayName} ({threshold.Behaviour}): {result.Statistic} {F(result.Agreement.Value)} 95% [{F(result.Agreement.Lower95)}, {F(result.Agreement.Upper95)}] on {result.Items} items ({result.Excluded} unresolved left out); {result.Message}");
            result.Certified.ShouldBeTrue($"rule rater '{check.Evaluator}' no longer agrees with golden set '{check.GoldenSet}': {result.Message}; the analyzer changed since the set was built: rebuild the set with `aveval golden build` if the change is intended.");
        }
    }

    private static void VerifyLearned(GoldenSetCase check, string folder, string root)
    {
        var (id, version) = GoldenSetCertification.ParseTarget(check.Evaluator);
        var models = ScenarioSuite.Open(check.ScenariosFolder).Models;
        var card = models.ReadCard(id, version);
        var computed = GoldenSetCertification.Compute(root, folder, models.Open(id, version), TimeProvider.System);
        Report($"{check.DisplayName} ({computed.Behaviour}): {computed.Statistic} {F(computed.Value)} 95% [{F(computed.Ci95[0])}, {F(computed.Ci95[1])}], ECE {F(computed.Ece)} 95% [{F(computed.EceCi95[0])}, {F(computed.EceCi95[1])}] on {computed.Items} items ({computed.Unresolved} unresolved left out): {computed.Reason}");
        string rerun = $"run `aveval golden certify {card.Key} --golden {check.GoldenSet}` and commit the card";
        var recorded = (card.Certifications ?? []).FirstOrDefault(c => c.Behaviour == computed.Behaviour && c.GoldenSet.Name == check.GoldenSet);
        recorded.ShouldNotBeNull($"the card of '{card.Key}' records no certification against golden set '{check.GoldenSet}' for behaviour '{computed.Behaviour}' ({computed.Reason}); {rerun}.");
        recorded.GoldenSet.ShouldBe(computed.GoldenSet, $"the card of '{card.Key}' records a certification against another state of golden set '{check.GoldenSet}' (stale); {rerun}.");
        recorded.ModelSha256.ShouldBe(computed.ModelSha256, $"the card of '{card.Key}' records a certification of another model file (stale); {rerun}.");
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
