using AvEval.Analysis;

namespace AvEval.Scenarios;

/// <summary>A metric name an analyzer publishes, with the unit it reports in.</summary>
/// <param name="Name">Dotted name, e.g. <c>ttc.nuplan.min</c>.</param>
/// <param name="Unit">Its unit.</param>
public readonly record struct KnownMetric(string Name, Unit Unit);
