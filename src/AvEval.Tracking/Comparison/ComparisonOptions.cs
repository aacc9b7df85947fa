namespace AvEval.Tracking.Comparison;

/// <summary>Settings of a comparison.</summary>
/// <param name="Resamples">Paired-bootstrap resamples per metric.</param>
/// <param name="Seed">The bootstrap's seed: the same seed gives the same intervals.</param>
/// <param name="Level">Two-sided level of every interval (pass rates, change, metrics).</param>
/// <param name="FlakyThreshold">A scenario whose flip rate is above this (0–1) is flaky; 1 marks none.</param>
/// <param name="MaxDegreeOfParallelism">Threads of the bootstrap; the intervals do not depend on it.</param>
public sealed record ComparisonOptions(int Resamples = 2000, int Seed = 0, double Level = 0.95, double FlakyThreshold = 0.0, int MaxDegreeOfParallelism = 1);
