namespace AvEval.Candidates;

/// <summary>
/// Seeded perception noise on the lead gap: at each decision the planner sees gap × exp(σ ξ) with ξ a standard normal
/// draw (log-normal, median-unbiased, never negative for a positive gap). The draws are seeded from the run's seed
/// (<c>AVEVAL_SEED</c>), the candidate id and the scenario, so a rerun with the same seed drives the same way.
/// </summary>
/// <param name="GapSigma">σ, the standard deviation of the log of the perceived-to-true gap ratio (0.1 ≈ ±10 %).</param>
public sealed record PerceptionNoiseOptions(double GapSigma);
