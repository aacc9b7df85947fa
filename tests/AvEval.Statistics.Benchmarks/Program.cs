using System.Diagnostics;
using System.Globalization;
using AvEval.Statistics;

namespace AvEval.Statistics.Benchmarks;

/// <summary>
/// Bootstrap benchmark (issue 5 part 7): 10,000 resamples over 100,000 items for Cohen's kappa and ECE.
/// Usage: <c>dotnet run -c Release --project tests/AvEval.Statistics.Benchmarks -- [kappa|ece|naive|bca|all] [--threads n]</c>.
/// Prints wall time, bytes allocated (GC.GetTotalAllocatedBytes, precise) and the process's peak working set.
/// </summary>
internal static class Program
{
    private const int Items = 100_000;
    private const int Resamples = 10_000;
    private const int Categories = 4;
    private const int Bins = 15;

    private static int Main(string[] args)
    {
        try
        {
            string which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
            int threadsAt = Array.IndexOf(args, "--threads");
            int threads = threadsAt >= 0 ? int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
            var data = Data.Create(Items, Categories, seed: 20260101);
            Console.WriteLine($"{Environment.ProcessorCount} logical cores, {RuntimeInformation()}; items {Items:N0}, resamples {Resamples:N0}, threads {threads}");
            Console.WriteLine($"estimates: kappa {CohenKappa.Compute(data.First, data.Second, Categories):F6}, ECE({Bins} equal-width bins) {CalibrationError.ExpectedEqualWidth(data.Confidences, data.Outcomes, Bins):F6}");

            var calibration = new EqualWidthCalibration(data.Confidences, data.Outcomes, Bins);

            // Warm-up so the JIT's tiers are settled before measuring.
            Bootstrap.Replicates(Items, items => CohenKappa.Compute(data.First, data.Second, Categories, KappaWeighting.None, items), 20, 1, threads);
            Bootstrap.Replicates(Items, calibration.Ece, 20, 1, threads);

            if (which is "kappa" or "all")
            {
                Measure("kappa percentile", () => Bootstrap.Run(Items, items => CohenKappa.Compute(data.First, data.Second, Categories, KappaWeighting.None, items), new BootstrapOptions(Resamples, 1, 0.95, BootstrapMethod.Percentile, threads)));
            }

            if (which is "ece" or "all")
            {
                Measure("ECE percentile", () => Bootstrap.Run(Items, calibration.Ece, new BootstrapOptions(Resamples, 1, 0.95, BootstrapMethod.Percentile, threads)));
            }

            if (which is "bca" or "all")
            {
                Measure("kappa BCa (adds 100,000 jackknife evaluations)", () => Bootstrap.Run(Items, items => CohenKappa.Compute(data.First, data.Second, Categories, KappaWeighting.None, items), new BootstrapOptions(Resamples, 1, 0.95, BootstrapMethod.Bca, threads)));
            }

            if (which is "naive" or "all")
            {
                MeasureNaive(data);
            }

            return 0;
        }
#pragma warning disable CA1031 // A benchmark reports any failure and exits 1 (STYLE.md §9).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static void Measure(string name, Func<BootstrapResult> run)
    {
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} {watch.Elapsed.TotalSeconds,7:F2} s  {Resamples * (double)Items / watch.Elapsed.TotalSeconds / 1e6,7:F0} M item-draws/s  allocated {allocated / 1048576.0,7:F2} MiB  peak working set {process.PeakWorkingSet64 / 1048576.0,6:F0} MiB  " +
            $"estimate {result.Estimate:F5} CI [{result.Interval.Lower:F5}, {result.Interval.Upper:F5}] valid {result.ValidResamples}"));
    }

    /// <summary>What a user would write first: new Random-drawn arrays per resample, then the statistic on copies.</summary>
    private static void MeasureNaive(Data data)
    {
        const int naiveResamples = 1_000;
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var random = new Random(1);
        var replicates = new double[naiveResamples];
        for (int b = 0; b < naiveResamples; b++)
        {
            var first = new int[Items];
            var second = new int[Items];
            for (int i = 0; i < Items; i++)
            {
                int j = random.Next(Items);
                first[i] = data.First[j];
                second[i] = data.Second[j];
            }

            replicates[b] = CohenKappa.Compute(first, second, Categories);
        }

        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"naive kappa, 1 thread, 1,000 resamples (copies)",-48} {watch.Elapsed.TotalSeconds,7:F2} s  {naiveResamples * (double)Items / watch.Elapsed.TotalSeconds / 1e6,7:F0} M item-draws/s  allocated {allocated / 1048576.0,7:F2} MiB  (x10 for 10,000 resamples)"));
    }

    private static string RuntimeInformation() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
