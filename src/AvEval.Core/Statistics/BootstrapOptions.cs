namespace AvEval.Statistics;

/// <summary>Settings of a bootstrap.</summary>
/// <param name="Resamples">Number of resamples B.</param>
/// <param name="Seed">The seed; the same seed gives the same replicates whatever the parallelism.</param>
/// <param name="Level">Two-sided coverage of the interval, e.g. 0.95.</param>
/// <param name="Method">Percentile or BCa.</param>
/// <param name="MaxDegreeOfParallelism">Threads that evaluate resamples; 1 runs on the calling thread, -1 uses all cores.</param>
public sealed record BootstrapOptions(
    int Resamples = 2000,
    int Seed = 0,
    double Level = 0.95,
    BootstrapMethod Method = BootstrapMethod.Bca,
    int MaxDegreeOfParallelism = 1);
