using System.Diagnostics;
using System.Globalization;
using AvEval.Behavior.Benchmarks;
using AvEval.Suites;

namespace AvEval.Tracking.Benchmarks;

/// <summary>
/// Recording overhead of a real suite run: a generated suite (sliding windows over the in-repo NGSIM logs, the Behavior
/// benchmark's generator) of <c>scenarios</c> × 3 candidates, run by Core's <see cref="SuiteRunner"/> (a fresh suite and
/// runner each time, rule analyzers only) alternately into the DuckDB store and into no store (a recorder that keeps
/// nothing), <c>reps</c> times each. Prints each run, the medians and the overhead, and the share of each store run spent
/// inside the recorder's calls.
/// </summary>
internal static class RecordingOverhead
{
    public static void Run(string repoScenarios, int scenarios, int reps)
    {
        string root = Path.Combine(Path.GetTempPath(), "aveval-overhead-" + Guid.NewGuid().ToString("N"));
        try
        {
            string folder = Path.Combine(root, "suite");
            // A copy of the logs: the generator links to them when logs/ is absent, and a suite may not read through a link.
            CopyFolder(Path.Combine(repoScenarios, "logs"), Path.Combine(folder, "logs"));
            SuiteGenerator.Generate(repoScenarios, folder, scenarios, 3.0);
            string store = Path.Combine(root, "aveval.duckdb");
            string[] candidates = ["human", "rc-2026.12.1", "rc-2026.12.2-short-gap"];
            var settings = SuiteSettings.Default with { ScenariosFolder = folder, Candidates = candidates, Store = store };
            var withStore = new List<double>();
            var without = new List<double>();
            var shares = new List<double>();
            Once(folder, settings, new TimedRecorder(null)); // JIT warm-up, not counted
            for (int rep = 0; rep < reps; rep++)
            {
                var timed = new TimedRecorder(DuckDbResultStore.Open(store));
                var (cases, seconds) = Once(folder, settings, timed);
                withStore.Add(seconds);
                shares.Add(timed.Spent.TotalSeconds / seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {rep + 1} with store: {cases} cases in {seconds:F2} s, {timed.Spent.TotalSeconds:F3} s inside the recorder ({100 * timed.Spent.TotalSeconds / seconds:F2} %: {timed.Breakdown})"));
                var (_, bare) = Once(folder, settings, new TimedRecorder(null));
                without.Add(bare);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {rep + 1} no store:   {cases} cases in {bare:F2} s"));
            }

            double a = Median(withStore);
            double b = Median(without);
            // Each repetition's two runs are neighbours in time, so their difference cancels slow drifts of the machine.
            var paired = withStore.Zip(without, (w, n) => (w - n) / n).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median with store {a:F2} s, without {b:F2} s: overhead {100 * (a - b) / b:F1} % of the run; median of the paired differences {100 * Median(paired):F1} % (from {100 * paired.Min():F1} to {100 * paired.Max():F1} %); median time inside the recorder {100 * Median(shares):F2} % of the run (mostly on its writer thread, beside the judging)"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Cases, double Seconds) Once(string folder, SuiteSettings settings, TimedRecorder recorder)
    {
        var clock = Stopwatch.StartNew();
        var suite = new Suite(folder, NoEvaluatorCatalog.Instance);
        var cases = suite.Discover(Suite.AllScenarios, suite.SelectCandidates(settings.Candidates));
        var run = new SuiteRunner(suite).Run(cases, settings, recorder);
        if (run.Cases.FirstOrDefault(c => c.Result is null) is { } bad)
        {
            throw new InvalidOperationException($"case '{bad.Case.DisplayName}' could not be evaluated, so the run measures no analysis: {bad.Failure}");
        }

        return (run.Cases.Count, clock.Elapsed.TotalSeconds);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string sub in Directory.EnumerateDirectories(from))
        {
            CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
