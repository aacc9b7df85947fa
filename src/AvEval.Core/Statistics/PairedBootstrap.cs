namespace AvEval.Statistics;

/// <summary>
/// The paired bootstrap of a mean difference: items are resampled as pairs (the same index into both series), so the
/// interval reflects the pairing; the statistic is mean(second − first) over the resampled pairs, and the interval the
/// <see cref="Bootstrap"/>'s, seeded, so that the same seed gives the same interval.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>mean(<paramref name="second"/>[i] − <paramref name="first"/>[i]) with its bootstrap interval.</summary>
    /// <param name="first">The first series (e.g. the baseline's values), one per pair; finite.</param>
    /// <param name="second">The second series, in the same order.</param>
    /// <param name="options">Resamples, seed, level, method and threads.</param>
    public static BootstrapResult MeanDifference(IReadOnlyList<double> first, IReadOnlyList<double> second, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(options);
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"The series must have one value per pair, but have {first.Count} and {second.Count}.", nameof(second));
        }

        var differences = new double[first.Count];
        for (int i = 0; i < differences.Length; i++)
        {
            differences[i] = second[i] - first[i];
            if (!double.IsFinite(differences[i]))
            {
                throw new ArgumentException($"Pair {i} has a difference that is not finite ({first[i]}, {second[i]}); leave such pairs out.", nameof(second));
            }
        }

        return Bootstrap.Run(differences.Length, items =>
        {
            double sum = 0;
            foreach (int i in items)
            {
                sum += differences[i];
            }

            return sum / items.Length;
        }, options);
    }
}
