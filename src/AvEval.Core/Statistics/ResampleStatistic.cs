namespace AvEval.Statistics;

/// <summary>
/// A statistic of a sample given as the indices of its items (repeats allowed). Bootstrap calls it from several
/// threads at once, so it must not mutate shared state; it must not keep the span.
/// </summary>
/// <param name="items">Indices into the caller's item arrays.</param>
/// <returns>The statistic; NaN or ±∞ marks a resample on which it is undefined.</returns>
public delegate double ResampleStatistic(ReadOnlySpan<int> items);
