using AvEval.Analysis;

namespace AvEval.Scenarios;

/// <summary>A metric name an analyzer publishes, with the unit it reports in and the parts of the ego's motion it depends on.</summary>
/// <param name="Name">Dotted name, e.g. <c>ttc.nuplan.min</c>.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="DependsOn">Which parts of the ego's motion can change its value; <see cref="MotionControl.Both"/> when unsure.</param>
public readonly record struct KnownMetric(string Name, Unit Unit, MotionControl DependsOn = MotionControl.Both);
