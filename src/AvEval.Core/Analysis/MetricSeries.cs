namespace AvEval.Analysis;

/// <summary>A metric sampled over time, e.g. the per-frame TTC behind <c>ttc.nuplan.min</c>.</summary>
/// <param name="Name">Dotted name of the signal, e.g. <c>ttc.nuplan</c>.</param>
/// <param name="Unit">Unit of <paramref name="Values"/>.</param>
/// <param name="Definition">Whose definition it follows.</param>
/// <param name="TimesSeconds">Log time of each sample, s.</param>
/// <param name="Values">One value per time; may hold +∞ where the definition says so.</param>
public sealed record MetricSeries(string Name, Unit Unit, string Definition, IReadOnlyList<double> TimesSeconds, IReadOnlyList<double> Values);
