using AvEval.Scenarios;

namespace AvEval.Analysis;

/// <summary>
/// A metric an analyzer publishes (<see cref="IDriveAnalyzer.Publishes"/>): every <see cref="Metric"/> it reports carries
/// this name, unit and definition, with a value or without one and a reason. The expectation language's catalogue
/// (<see cref="PublishedMetrics"/>) is built from these declarations.
/// </summary>
/// <param name="Name">Dotted name: definition then statistic, e.g. <c>ttc.nuplan.min</c>.</param>
/// <param name="Unit">The unit its values are in.</param>
/// <param name="Definition">How it is computed, naming whose definition it follows, e.g. <c>nuPlan time_to_collision_within_bound (…)</c>.</param>
/// <param name="DefinedBy">Whose definition it follows.</param>
/// <param name="DependsOn">Which parts of the ego's motion can change its value; <see cref="MotionControl.Both"/> when unsure.</param>
public sealed record MetricDescriptor(string Name, Unit Unit, string Definition, MetricAuthority DefinedBy, MotionControl DependsOn)
{
    /// <summary>The metric with a value.</summary>
    /// <param name="value">The value in <see cref="Unit"/>; may be ±∞ where the definition says so.</param>
    /// <param name="note">A note on how this value was computed (e.g. which signal a drive had); null for none.</param>
    public Metric Measured(double value, string? note = null) => new(Name, value, Unit, Definition, note);

    /// <summary>The metric without a value, saying why.</summary>
    /// <param name="reason">Why there is no value, e.g. <c>the scene has no lane map</c>.</param>
    public Metric NotComputed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Metric(Name, null, Unit, Definition, reason);
    }

    /// <summary>The metric with a value when there is one, else without one and with the reason.</summary>
    /// <param name="value">The value, or null.</param>
    /// <param name="reasonIfNone">Why there is no value, used when <paramref name="value"/> is null.</param>
    public Metric ValueOrNotComputed(double? value, string reasonIfNone) => value is { } v ? Measured(v) : NotComputed(reasonIfNone);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} [{Unit}] ({DefinedBy}): {Definition}";
}
