using AvEval.Golden;
using AvEval.Golden.Events;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using Shouldly;
using AvEval.Suites;

namespace AvEval.Xunit.Tests;

public partial class ScenarioRunnerTests
{
    /// <summary>The gate on learned evaluators: scenarios that pin one without a current passing certification fail.</summary>
    public class Certification
    {
        private const string Scenario = "behaviors/hard_braking/a.yaml";

        private static string RepoScenarios => ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory);

        // Lines are numbered: the tests assert file:line:column. 'probability <= 1' always holds, so only the gate can fail it.
        private static string Yaml(string evaluator, string severity = "blocking") =>
            "id: lanker-1-1-veh-1236\n" +                                          // 1
            "title: Vehicle 1236 judged by a learned evaluator\n" +               // 2
            "behavior: hard_braking\n" +                                          // 3
            $"severity: {severity}\n" +                                           // 4
            "tags: [ngsim]\n" +                                                   // 5
            "log: logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet\n" +            // 6
            "ego: '1236'\n" +                                                     // 7
            "expectations:\n" +                                                   // 8
            $"  - evaluator {evaluator}@1 probability <= 1\n" +                   // 9
            "rationale: the gate test.\n";

        private static ScenarioCase Case(TempSuite suite, string evaluator, string severity = "blocking")
        {
            suite.Write(Scenario, Yaml(evaluator, severity));
            return suite.Discover("behaviors/**/*.yaml", "human").Single().Case;
        }

        private static void CopyModel(TempSuite suite, string evaluator) =>
            CopyFolder(Path.Combine(RepoScenarios, "models", evaluator, "1.0.0"), Path.Combine(suite.Folder, "models", evaluator, "1.0.0"));

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        [Fact]
        public void Verify_EvaluatorWithoutCertification_FailsSayingWhatToRun()
        {
            using var suite = new TempSuite();
            CopyModel(suite, "human_likeness");
            var scenario = Case(suite, "human_likeness");

            var ex = Record.Exception(() => new ScenarioRunner().Verify(scenario));

            Assert.IsType<ShouldAssertException>(ex);
            ex.Message.ShouldBe($"hard_braking/lanker-1-1-veh-1236 @ human: uncertified evaluator (blocking, {Scenario}): 'evaluator human_likeness@1 probability <= 1' ({Scenario}:9:5): evaluator 'human_likeness@1.0.0' has no certification for behaviour 'human_likeness' in its card: the gate does not trust an unchecked judge; run `aveval golden certify human_likeness@1.0.0 --golden <set>`.");
        }

        [Fact]
        public void Verify_InfoScenarioWithoutCertification_PassesWithAWarning()
        {
            using var suite = new TempSuite();
            CopyModel(suite, "human_likeness");
            var scenario = Case(suite, "human_likeness", "info");

            var result = new ScenarioRunner().Verify(scenario);

            result.Verdict.Outcome.ShouldBe(Scenarios.Outcome.Pass);
        }

        [Fact]
        public void Verify_RefusedEvaluator_FailsWithTheRefusal()
        {
            using var suite = new TempSuite();
            CopyModel(suite, "cut_in_detector");
            CopyFolder(Path.Combine(RepoScenarios, "golden", "cut_in"), Path.Combine(suite.Folder, "golden", "cut_in"));
            var scenario = Case(suite, "cut_in_detector", "warning");

            var ex = Record.Exception(() => new ScenarioRunner().Verify(scenario));

            Assert.IsType<ShouldAssertException>(ex);
            ex.Message.ShouldStartWith($"hard_braking/lanker-1-1-veh-1236 @ human: uncertified evaluator (warning, {Scenario}): 'evaluator cut_in_detector@1 probability <= 1' ({Scenario}:9:5): evaluator 'cut_in_detector@1.0.0' was refused for behaviour 'cut_in' by golden set 'cut_in' v1 (refused: cohen_kappa lower 95% bound ");
            ex.Message.ShouldContain("< 0.6");
        }

        [Fact]
        public void Verify_CertificationOfAChangedGoldenSet_FailsAsStale()
        {
            using var suite = new TempSuite();
            CopyModel(suite, "hard_braking_detector");
            var set = GoldenSetStore.Load(Path.Combine(RepoScenarios, "golden", "hard_braking"));
            var relabelled = set.Labels.Select((l, i) => i == 0 ? l with { Rationale = l.Rationale + " (reviewed)" } : l).ToList();
            var changed = GoldenSetStore.Write(Path.Combine(suite.Folder, "golden", "hard_braking"), Description(set), set.Items, relabelled);
            var scenario = Case(suite, "hard_braking_detector");

            var ex = Record.Exception(() => new ScenarioRunner().Verify(scenario));

            Assert.IsType<ShouldAssertException>(ex);
            ex.Message.ShouldBe($"hard_braking/lanker-1-1-veh-1236 @ human: uncertified evaluator (blocking, {Scenario}): 'evaluator hard_braking_detector@1 probability <= 1' ({Scenario}:9:5): evaluator 'hard_braking_detector@1.0.0' has only stale certifications for behaviour 'hard_braking' (against golden set 'hard_braking' v1: its labels changed (SHA-256 '{changed.Manifest.LabelsSha256}', certified '{set.Manifest.LabelsSha256}')); run `aveval golden certify hard_braking_detector@1.0.0 --golden hard_braking` again.");
        }

        [Fact]
        public void Verify_EvaluatorCertifiedInTheTestOnATinySet_Passes()
        {
            using var suite = new TempSuite();
            CopyModel(suite, "hard_braking_detector");
            var card = File.ReadAllText(Path.Combine(suite.Folder, "models", "hard_braking_detector", "1.0.0", ModelRegistry.CardFile));
            using var registry = new ModelRegistry(Path.Combine(suite.Folder, "models"), new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
            GoldenSetCertification.WriteCard(registry, ModelCardJson.Read(card) with { Certifications = null });
            var tiny = TinySet(Path.Combine(suite.Folder, "golden", "hard_braking_tiny"));
            var certification = GoldenSetCertification.Compute(Path.GetDirectoryName(RepoScenarios)!, Path.Combine(suite.Folder, "golden", "hard_braking_tiny"), registry.Open("hard_braking_detector", "1"), new FixedClock());
            GoldenSetCertification.WriteCard(registry, GoldenSetCertification.Record(registry.ReadCard("hard_braking_detector", "1"), certification));
            var scenario = Case(suite, "hard_braking_detector");

            var result = new ScenarioRunner().Verify(scenario);

            certification.Certified.ShouldBeTrue(certification.Reason);
            certification.GoldenSet.LabelsSha256.ShouldBe(tiny.Manifest.LabelsSha256);
            certification.Date.ShouldBe(FixedClock.Now);
            result.Verdict.Outcome.ShouldBe(Scenarios.Outcome.Pass);
        }

        /// <summary>The first 60 items of the shipped hard-braking set on which both raters agree (so every item is adjudicated).</summary>
        private static GoldenSet TinySet(string folder)
        {
            var set = GoldenSetStore.Load(Path.Combine(RepoScenarios, "golden", "hard_braking"));
            var agreed = set.Adjudicate().Items.Where(i => i.Resolved).Take(60).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
            var description = Description(set) with { Name = "hard_braking_tiny" };
            return GoldenSetStore.Write(folder, description, [.. set.Items.Where(i => agreed.Contains(i.Id))], [.. set.Labels.Where(l => agreed.Contains(l.Item))]);
        }

        private static GoldenSetDescription Description(GoldenSet set)
        {
            var m = set.Manifest;
            return new GoldenSetDescription(m.Name, m.Version, m.Description, m.Provenance, m.Kind, m.Scale, AdjudicationRule.Majority, [EventGoldenSets.Threshold("hard_braking")]);
        }

        private sealed class FixedClock : TimeProvider
        {
            public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

            public override DateTimeOffset GetUtcNow() => Now;
        }
    }
}
