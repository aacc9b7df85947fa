using System.Diagnostics;
using System.Globalization;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Comparison.Benchmarks;

/// <summary>
/// Comparison speed: <c>dotnet run -c Release --project tests/AvEval.Comparison.Benchmarks -- [scenarios] [resamples] [repeat]</c>
/// (defaults 10,000, 2,000, 5). Two synthetic complete runs of that many scenarios (10 behaviours, each case with two
/// expectations on two metrics plus four other metrics; the candidate fails about 3% of what the baseline passes) are
/// written to a real DuckDB file through the store's public API, then compared end to end by <see cref="RunComparer"/>
/// (reading both runs and the flakiness history from the file, pairing, McNemar, Holm, BH, Wilson, Newcombe, and a
/// seeded paired bootstrap of every asserted metric of every behaviour, single-threaded). Prints the median of the
/// repeats for the whole comparison and for reading the two runs alone. Synthetic data: the statistics' cost depends
/// only on counts, not on the values. Exit 1 on error.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var c = CultureInfo.InvariantCulture;
            int scenarios = args.Length > 0 ? int.Parse(args[0], c) : 10_000;
            int resamples = args.Length > 1 ? int.Parse(args[1], c) : 2000;
            int repeat = args.Length > 2 ? int.Parse(args[2], c) : 5;
            string folder = Path.Combine(Path.GetTempPath(), "aveval-compare-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var store = DuckDbResultStore.Open(Path.Combine(folder, "aveval.duckdb"));
                var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
                var baseline = Write(store, "rc-base", start, scenarios, worse: false);
                var candidate = Write(store, "rc-next", start.AddHours(1), scenarios, worse: true);
                Console.WriteLine(string.Create(c, $"store: {new FileInfo(store.Path).Length / 1e6:F1} MB, 2 runs of {scenarios} scenarios, {resamples} bootstrap resamples per metric"));

                var total = new List<double>();
                var read = new List<double>();
                Tracking.Comparison.Comparison? last = null;
                for (int i = 0; i < repeat + 1; i++)
                {
                    var clock = Stopwatch.StartNew();
                    store.GetCases(baseline);
                    store.GetCases(candidate);
                    double readMs = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    last = new RunComparer(store).Compare(new RunSelector(baseline.Value), new RunSelector(candidate.Value), new ComparisonOptions(Resamples: resamples, Seed: 1));
                    double totalMs = clock.Elapsed.TotalMilliseconds;
                    if (i > 0)
                    {
                        read.Add(readMs);
                        total.Add(totalMs);
                    }
                }

                int metrics = last!.Behaviors.Sum(b => b.Metrics.Count);
                Console.WriteLine(string.Create(c, $"compare end to end (read, pair, statistics, {metrics} metric bootstraps): median {Median(total):F0} ms (min {total.Min():F0}, max {total.Max():F0}) over {repeat} repeats after one warm-up"));
                Console.WriteLine(string.Create(c, $"reading the two runs alone (GetCases twice): median {Median(read):F0} ms"));
                Console.WriteLine(string.Create(c, $"check: {last.Scenarios.Count} pairs, {last.Scenarios.Count(s => s.Transition == Transition.NewFailure)} new failures, {last.Behaviors.Count} behaviours"));
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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static RunId Write(DuckDbResultStore store, string candidate, DateTimeOffset start, int scenarios, bool worse)
    {
        var id = RunId.New(start);
        store.Begin(new RunManifest(
            id, "/bench/scenarios", new string('0', 64), [], [new CandidateRecord(candidate, "fp-" + candidate, "synthetic " + candidate)],
            new CodeRevision(null, Dirty: false), [], new Dictionary<string, string>(), 0, new MachineInfo("bench", Environment.ProcessorCount, "", "none", Environment.Version.ToString(), ""), start));
        var random = new Random(worse ? 2 : 1);
        var batch = new List<CaseRecord>(1000);
        for (int i = 0; i < scenarios; i++)
        {
            string behavior = "behavior_" + (i % 10).ToString(CultureInfo.InvariantCulture);
            string scenario = $"{behavior}/s{i:D5}";
            // Same base pass/fail per scenario on both sides (seeded by index), the candidate failing ~3% more.
            bool basePass = new Random(i).NextDouble() < 0.9;
            bool pass = worse ? basePass && random.NextDouble() > 0.03 : basePass;
            double thw = 1.2 + new Random(i + 1).NextDouble() - (worse ? 0.05 : 0);
            double ttc = 2.5 + new Random(i + 2).NextDouble() - (worse ? 0.1 : 0);
            var outcome = pass ? Outcome.Pass : Outcome.Fail;
            batch.Add(new CaseRecord(
                $"{scenario} @ {candidate}", $"behaviors/{scenario}.yaml", scenario, behavior, Severity.Blocking, "candidate", candidate, "fp-" + candidate,
                outcome, !pass, pass ? null : "thw.gap.min below bound",
                [new ExpectationRecord(0, "thw.gap.min >= 1 s", outcome, thw, 1, "s", "m"), new ExpectationRecord(1, "ttc.nuplan.min >= 0.95 s", Outcome.Pass, ttc, 0.95, "s", "m")],
                [
                    new MetricRecord("thw.gap.min", thw, "s", "time headway (AvEval)", null),
                    new MetricRecord("ttc.nuplan.min", ttc, "s", "nuPlan TTC", null),
                    new MetricRecord("speed.mean", 20 + (i % 7), "m/s", "nuPlan ego_mean_speed", null),
                    new MetricRecord("accel.lon.min", -1 - (i % 3), "m/s^2", "nuPlan", null),
                    new MetricRecord("jerk.max", 2, "m/s^3", "nuPlan", null),
                    new MetricRecord("gap.lead.min", 15, "m", "AvEval", null),
                ],
                [], []));
            if (batch.Count == 1000)
            {
                store.Record(id, batch);
                batch.Clear();
            }
        }

        store.Record(id, batch);
        store.Finish(id, RunStatus.Complete, start.AddMinutes(5));
        return id;
    }
}
