namespace AvEval.Reports.Model;

/// <summary>
/// One per-time signal of a drive in a <see cref="ReportScene"/>: the series an analyzer computed behind a metric (the
/// time headway behind <c>thw.gap.min</c>, say) or the ego's speed, with the scenario's expectations on it as thresholds.
/// </summary>
/// <param name="Name">The signal, e.g. <c>thw.gap</c> (an expectation's metric name without its statistic).</param>
/// <param name="Unit">Unit of <paramref name="Values"/> and of each threshold (<c>s</c>, <c>m/s</c>).</param>
/// <param name="Definition">What the signal is and whose definition it follows, as the analyzer states it.</param>
/// <param name="Source">The analyzer that computed it (<c>behaviour.following</c>), or <c>log</c> for a state of the drive.</param>
/// <param name="TimesSeconds">Time of each sample, s (the scene's time, as the events').</param>
/// <param name="Values">One value per time, rounded to 4 decimals; null where the value is not finite (+∞ without a lead, undefined below a minimum speed).</param>
/// <param name="Thresholds">The scenario's expectations on this signal, drawn as lines.</param>
public sealed record ReportSeries(
    string Name,
    string Unit,
    string Definition,
    string Source,
    IReadOnlyList<double> TimesSeconds,
    IReadOnlyList<double?> Values,
    IReadOnlyList<ReportThreshold> Thresholds);
