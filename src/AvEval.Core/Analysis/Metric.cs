namespace AvEval.Analysis;

/// <summary>
/// One number an analyzer measured, with its unit and whose definition it follows. A metric that could not be
/// computed has no value and says why: it is never reported as 0 or as a pass.
/// </summary>
/// <param name="Name">Dotted name: definition then statistic, e.g. <c>ttc.nuplan.min</c>, <c>accel.lon.min</c>.</param>
/// <param name="Value">The value in <paramref name="Unit"/>; null when it could not be computed (see <paramref name="Reason"/>). May be +∞ (e.g. no TTC).</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Definition">Whose definition it follows, e.g. <c>nuPlan time_to_collision_within_bound</c>.</param>
/// <param name="Reason">Why there is no value, or a note on how it was computed; null when there is nothing to say.</param>
public sealed record Metric(string Name, double? Value, Unit Unit, string Definition, string? Reason = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is { } v
        ? $"{Name} = {v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} {Unit}"
        : $"{Name} = (none: {Reason})";
}
