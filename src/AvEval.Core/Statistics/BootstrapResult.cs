namespace AvEval.Statistics;

/// <summary>A statistic with its bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the full sample.</param>
/// <param name="Interval">The interval; NaN bounds when no replicate was defined or BCa's z₀ is infinite (every replicate on one side of the estimate).</param>
/// <param name="Items">Items in the sample, the resampling unit.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="ValidResamples">Resamples on which the statistic was defined (finite); only these enter the interval.</param>
/// <param name="Seed">The seed used.</param>
public sealed record BootstrapResult(double Estimate, ConfidenceInterval Interval, int Items, int Resamples, int ValidResamples, int Seed);
