using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// A metric's paired change within a behaviour: mean(candidate − baseline) over the pairs where both values are
/// finite, with a seeded paired-bootstrap percentile interval (<see cref="PairedBootstrap"/>).
/// </summary>
/// <param name="Metric">The metric name (<c>thw.gap.min</c>).</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Pairs">Pairs with a finite value on both sides.</param>
/// <param name="BaselineMean">Mean over those pairs, baseline, in <paramref name="Unit"/>.</param>
/// <param name="CandidateMean">Mean over those pairs, candidate.</param>
/// <param name="Difference">The mean difference and its interval, in <paramref name="Unit"/>.</param>
public sealed record MetricChange(string Metric, string Unit, int Pairs, double BaselineMean, double CandidateMean, BootstrapResult Difference);
