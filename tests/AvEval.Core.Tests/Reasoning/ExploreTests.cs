using AvEval.Candidates;
using AvEval.Reasoning;
using AvEval.Storage;
using AvEval.Suites;

namespace AvEval.Tests.Reasoning;

public sealed class ExploreTests
{
    [Fact(Explicit = true)]
    public void Explore()
    {
        var suite = new Suite(Path.Combine(RepoPaths.Root, "scenarios"), NoEvaluatorCatalog.Instance);
        var scenes = new Dictionary<string, AvEval.Scenes.Scene>();
        var files = suite.BehaviourFiles();
        var o = TestContext.Current.TestOutputHelper!;
        foreach (var id in new[] { "rc-2027.02.1-mobil", "rc-2027.02.2-eager-lane-change", "rc-2027.01.1-lane-centre", "rc-2027.03.2-noisy-gap" })
        {
            var c = (IReasoningCandidate)suite.Catalog[new CandidateId(id)];
            int steps = 0, incons = 0, cited = 0, missing = 0, misplaced = 0, hazards = 0, missed = 0, drives = 0;
            var samples = new List<string>();
            foreach (var f in files.Where((_, i) => i % 3 == 0))
            {
                AvEval.Scenarios.ScenarioSpec spec;
                try { spec = suite.Load(f); } catch (AvEval.Errors.AvEvalException) { continue; }
                var path = spec.LogPath(suite.Folder);
                if (!path.EndsWith(".parquet", StringComparison.Ordinal)) continue;
                if (!scenes.TryGetValue(path, out var scene)) scenes[path] = scene = CanonicalSceneFile.Read(path);
                var drive = c.DriveWithTrace(spec, scene);
                var e = ReasoningChecks.Evaluate(drive);
                drives++;
                steps += (int)e.Metric(ManeuverConsistencyAnalyzer.CheckedCount).Value!;
                incons += (int)e.Metric(ManeuverConsistencyAnalyzer.InconsistentCount).Value!;
                cited += (int)e.Metric(CitedAgentAnalyzer.CitedCount).Value!;
                missing += (int)e.Metric(CitedAgentAnalyzer.MissingCount).Value!;
                misplaced += (int)e.Metric(CitedAgentAnalyzer.MisplacedCount).Value!;
                hazards += (int)e.Metric(HazardMentionAnalyzer.HazardCount).Value!;
                missed += (int)e.Metric(HazardMentionAnalyzer.MissedCount).Value!;
                foreach (var ev in e.Events.Take(2)) if (samples.Count < 25) samples.Add($"{spec.DisplayName}: {ev.Summary}");
            }
            o.WriteLine($"{id}: drives {drives} steps {steps} inconsistent {incons} cited {cited} missing {missing} misplaced {misplaced} hazards {hazards} missed {missed}");
            foreach (var s in samples) o.WriteLine("   " + s);
        }
    }
}

public sealed class ExploreGoldenTests
{
    [Fact(Explicit = true)]
    public void BuildGolden()
    {
        var o = TestContext.Current.TestOutputHelper!;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var traces = AvEval.Golden.Reasoning.ReasoningGoldenSet.Build(RepoPaths.Root);
        o.WriteLine($"built {traces.Count} in {sw.ElapsedMilliseconds} ms");
        string folder = Path.Combine(RepoPaths.Root, "scenarios", "golden", "cot");
        AvEval.Golden.Reasoning.ReasoningGoldenSet.Write(folder, traces);
        sw.Restart();
        var report = AvEval.Golden.Reasoning.ReasoningGoldenReport.Compute(RepoPaths.Root, folder);
        o.WriteLine($"report in {sw.ElapsedMilliseconds} ms");
        foreach (var s in report.Scores) o.WriteLine($"{s.Check,-9} {s.Corruption,-15} n={s.Positives} neg={s.Negatives} tp={s.TruePositives} fp={s.FalsePositives} P={s.Precision:0.000} R={s.Recall:0.000} [{s.RecallInterval.Lower:0.000},{s.RecallInterval.Upper:0.000}]");
        o.WriteLine(report.Certification.Message);
        foreach (var f in report.Flags.Where(f => f.Corruption == AvEval.Golden.Reasoning.TraceCorruption.None && f.Any)) o.WriteLine($"FP {f.Item} {f.Maneuver} {f.Cited} {f.Hazard}");
    }
}
