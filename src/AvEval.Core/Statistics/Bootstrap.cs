using System.Collections.Concurrent;

namespace AvEval.Statistics;

/// <summary>
/// The nonparametric bootstrap over items: each resample draws n item indices uniformly with replacement and evaluates
/// the statistic on them. Resample b draws from its own SplitMix64 stream seeded from (seed, b), with Lemire's unbiased
/// bounded integers, so the replicates depend only on the seed — not on thread count or scheduling. Each worker thread
/// reuses one index buffer: no allocation per resample. Quantiles interpolate linearly between order statistics
/// (Hyndman and Fan 1996 type 7, NumPy's default).
/// </summary>
public static class Bootstrap
{
    /// <summary>Bootstraps <paramref name="statistic"/> over <paramref name="items"/> items.</summary>
    public static BootstrapResult Run(int items, ResampleStatistic statistic, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Resamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.Level, 1);

        var all = new int[items];
        for (int i = 0; i < items; i++)
        {
            all[i] = i;
        }

        double estimate = statistic(all);
        var replicates = Replicates(items, statistic, options.Resamples, options.Seed, options.MaxDegreeOfParallelism);
        var valid = replicates.Where(double.IsFinite).ToArray();
        Array.Sort(valid);
        double alpha = (1 - options.Level) / 2;
        ConfidenceInterval interval;
        if (valid.Length == 0)
        {
            interval = new ConfidenceInterval(double.NaN, double.NaN, options.Level, MethodName(options.Method));
        }
        else if (options.Method == BootstrapMethod.Percentile)
        {
            interval = new ConfidenceInterval(Quantile(valid, alpha), Quantile(valid, 1 - alpha), options.Level, MethodName(options.Method));
        }
        else
        {
            interval = Bca(items, statistic, estimate, valid, alpha, options);
        }

        return new BootstrapResult(estimate, interval, items, options.Resamples, valid.Length, options.Seed);
    }

    /// <summary>The B replicates, in resample order (NaN where the statistic is undefined).</summary>
    public static double[] Replicates(int items, ResampleStatistic statistic, int resamples, int seed, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var replicates = new double[resamples];
        if (maxDegreeOfParallelism == 1)
        {
            var buffer = new int[items];
            for (int b = 0; b < resamples; b++)
            {
                replicates[b] = Resample(items, statistic, seed, b, buffer);
            }

            return replicates;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.ForEach(
            Partitioner.Create(0, resamples, Math.Max(1, resamples / (4 * Environment.ProcessorCount))),
            parallel,
            () => new int[items],
            (range, _, buffer) =>
            {
                for (int b = range.Item1; b < range.Item2; b++)
                {
                    replicates[b] = Resample(items, statistic, seed, b, buffer);
                }

                return buffer;
            },
            _ => { });
        return replicates;
    }

    private static double Resample(int items, ResampleStatistic statistic, int seed, int resample, int[] buffer)
    {
        ulong state = Mix(Mix(((ulong)(uint)seed << 32) | (uint)resample) ^ 0x6A09E667F3BCC909UL);
        ulong bound = (ulong)items;
        ulong threshold = (0UL - bound) % bound;
        for (int i = 0; i < buffer.Length; i++)
        {
            // Lemire (2019), "Fast random integer generation in an interval": multiply, reject the biased low range.
            ulong high;
            ulong low;
            do
            {
                state += 0x9E3779B97F4A7C15UL;
                high = Math.BigMul(Mix(state), bound, out low);
            }
            while (low < threshold);

            buffer[i] = (int)high;
        }

        return statistic(buffer);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ConfidenceInterval Bca(int items, ResampleStatistic statistic, double estimate, double[] sorted, double alpha, BootstrapOptions options)
    {
        string method = MethodName(BootstrapMethod.Bca);
        double below = 0;
        foreach (double r in sorted)
        {
            below += r < estimate ? 1 : r == estimate ? 0.5 : 0;
        }

        double z0 = NormalDistribution.Quantile(below / sorted.Length);
        if (!double.IsFinite(z0))
        {
            return new ConfidenceInterval(double.NaN, double.NaN, options.Level, method);
        }

        double a = Acceleration(items, statistic, options.MaxDegreeOfParallelism);
        double lower = Adjusted(z0, a, NormalDistribution.Quantile(alpha));
        double upper = Adjusted(z0, a, NormalDistribution.Quantile(1 - alpha));
        return new ConfidenceInterval(Quantile(sorted, lower), Quantile(sorted, upper), options.Level, method);
    }

    private static double Adjusted(double z0, double a, double z) => NormalDistribution.Cdf(z0 + ((z0 + z) / (1 - (a * (z0 + z)))));

    /// <summary>The jackknife acceleration; each worker walks its share of left-out items through one reused buffer.</summary>
    private static double Acceleration(int items, ResampleStatistic statistic, int maxDegreeOfParallelism)
    {
        if (items < 3)
        {
            return 0;
        }

        var jackknife = new double[items];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.ForEach(
            Partitioner.Create(0, items, Math.Max(1, items / (4 * Environment.ProcessorCount))),
            parallel,
            range =>
            {
                // buffer = 0..n−1 without item `left`; moving the gap from i to i+1 only rewrites buffer[i] = i.
                var buffer = new int[items - 1];
                int left = range.Item1;
                for (int j = 0, i = 0; i < items; i++)
                {
                    if (i != left)
                    {
                        buffer[j++] = i;
                    }
                }

                for (int i = range.Item1; i < range.Item2; i++)
                {
                    if (i > left)
                    {
                        buffer[i - 1] = i - 1;
                        left = i;
                    }

                    jackknife[i] = statistic(buffer);
                }
            });

        var finite = jackknife.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return 0;
        }

        double mean = finite.Average();
        double squares = 0;
        double cubes = 0;
        foreach (double t in finite)
        {
            double d = mean - t;
            squares += d * d;
            cubes += d * d * d;
        }

        return squares == 0 ? 0 : cubes / (6 * Math.Pow(squares, 1.5));
    }

    internal static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        if (lo < 0)
        {
            return sorted[0];
        }

        return sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }

    private static string MethodName(BootstrapMethod method) => method == BootstrapMethod.Bca ? "bootstrap-bca" : "bootstrap-percentile";
}
