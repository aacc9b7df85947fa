using System.Diagnostics;
using System.Globalization;
using AvEval.Analysis;
using AvEval.Import;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Tracking;

namespace AvEval.Tracking.Benchmarks;

/// <summary>
/// Recording throughput of the results store: <c>dotnet run -c Release --project tests/AvEval.Tracking.Benchmarks -- [cases]
/// [scene]</c>. The cases carry the real metrics and events of the default rule analyzers on a few egos of an in-repo
/// scene, replicated under distinct keys. It records them in one call and again in batches of 1,000 (each batch one
/// open-append-close under the lock), then a 1,000-case suite in batches of 50, and prints the rates.
/// <c>-- overhead [scenarios] [reps]</c> measures the recording overhead of a real suite run instead
/// (<see cref="RecordingOverhead"/>; default 334 scenarios × 3 candidates = 1,002 cases, 3 repetitions). Exit 1 on error.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "overhead")
            {
                RecordingOverhead.Run(Path.Combine(FindRoot(), "scenarios"), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 334, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
                return 0;
            }

            int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
            string scene = args.Length > 1 ? args[1] : Path.Combine(FindRoot(), "scenarios", "logs", "ngsim-gpl", "USA_US101-22_1_T-1.scene.parquet");
            var templates = RealCases(scene, egos: 4);
            Console.WriteLine($"templates: {templates.Count} egos of '{Path.GetFileName(scene)}', {templates.Sum(t => t.Metrics.Count)} metrics and {templates.Sum(t => t.Events.Count)} events in all");
            string folder = Path.Combine(Path.GetTempPath(), "aveval-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var store = DuckDbResultStore.Open(Path.Combine(folder, "aveval.duckdb"));
                Measure(store, "one call", Replicate(templates, count), count);
                Measure(store, "batches of 1000", Replicate(templates, count), 1000);
                Measure(store, "1000-case suite, batches of 50", Replicate(templates, 1000), 50);
                var clock = Stopwatch.StartNew();
                var runs = store.ListRuns();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ListRuns over {runs.Sum(r => r.Cases)} cases: {clock.Elapsed.TotalMilliseconds:F0} ms"));
                clock.Restart();
                int read = store.GetCases(runs[0].Id).Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GetCases of {read} cases with their metrics: {clock.Elapsed.TotalMilliseconds:F0} ms"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store file: {new FileInfo(store.Path).Length / 1e6:F1} MB"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            return 0;
        }
#pragma warning disable CA1031 // A benchmark reports any failure and exits 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine(ex);
            return 1;
        }
    }

    private static void Measure(DuckDbResultStore store, string label, CaseRecord[] cases, int batch)
    {
        var run = RunId.New(DateTimeOffset.UtcNow);
        store.Begin(new RunManifest(run, "/bench", new string('0', 64), [], [new CandidateRecord("rc-bench", "fp", "benchmark")], new CodeRevision(null, false), [], new Dictionary<string, string>(), 0, new MachineInfo(Environment.OSVersion.ToString(), Environment.ProcessorCount, "", "none", Environment.Version.ToString(), ""), DateTimeOffset.UtcNow));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < cases.Length; i += batch)
        {
            store.Record(run, cases[i..Math.Min(cases.Length, i + batch)]);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        store.Finish(run, RunStatus.Complete, DateTimeOffset.UtcNow);
        double finished = clock.Elapsed.TotalSeconds;
        long metrics = cases.Sum(c => (long)c.Metrics.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {cases.Length} verdicts with {metrics} metrics in {seconds:F2} s = {cases.Length / seconds:F0} verdicts/s ({metrics / seconds:F0} metric rows/s); with finish (the file closed and checkpointed) {finished:F2} s = {cases.Length / finished:F0} verdicts/s"));
    }

    private static List<CaseRecord> RealCases(string scene, int egos)
    {
        var evaluations = RuleAnalysis.CreateDefault().AnalyzeEachVehicle(SceneImporters.CreateDefault().Import(scene)).Take(egos);
        return [.. evaluations.Select(e =>
        {
            var metrics = e.Metrics.Select(m => new MetricRecord(m.Name, m.Value, m.Unit.Symbol, m.Definition, m.Reason)).ToList();
            var first = e.Metrics.FirstOrDefault(m => m.Value is not null);
            bool pass = first?.Value is not { } v || v >= 0;
            return new CaseRecord(
                "template", "behaviors/bench/" + e.Ego + ".yaml", "bench/" + e.Ego, "bench", Severity.Blocking, "candidate", "rc-bench", "fp",
                pass ? Outcome.Pass : Outcome.Fail, !pass, pass ? null : "first metric below zero",
                [new ExpectationRecord(0, (first?.Name ?? "none") + " >= 0", pass ? Outcome.Pass : Outcome.Fail, first?.Value, 0, first?.Unit.Symbol ?? "", "measured against 0")],
                metrics,
                [.. e.Events.Select(ev => new EventRecord(ev.Kind.ToString(), ev.StartSeconds, ev.EndSeconds, [.. ev.Agents.Select(a => a.ToString())], ev.Summary))],
                []);
        })];
    }

    private static CaseRecord[] Replicate(List<CaseRecord> templates, int count) =>
        [.. Enumerable.Range(0, count).Select(i => templates[i % templates.Count] with { Key = string.Create(CultureInfo.InvariantCulture, $"bench/case-{i:D6} @ rc-bench") })];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AvEval.Tests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository, or pass the scene path.");
    }
}
