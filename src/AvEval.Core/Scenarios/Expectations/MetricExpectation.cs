using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// <c>&lt;metric&gt;.&lt;aggregate&gt; &lt;op&gt; &lt;value&gt; &lt;unit&gt;</c>, e.g. <c>ttc.nuplan.min &gt;= 0.95 s</c> or
/// <c>speed.mean &lt;= 100 km/h</c>: a metric an analyzer reports, compared in SI after converting both sides.
/// </summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="Metric">The full metric name, e.g. <c>ttc.nuplan.min</c>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The bound in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit the bound is written in.</param>
public sealed record MetricExpectation(
    string Text,
    SourceLocation Location,
    string Metric,
    ComparisonOperator Operator,
    double Value,
    UnitDefinition Unit) : Expectation(Text, Location)
{
    /// <summary>The statistics a metric name may end in (METRICS naming rule).</summary>
    public static IReadOnlyList<string> Aggregates { get; } = ["min", "max", "mean", "p90", "count", "score", "value", "ratio", "within_bound"];

    /// <summary>The signal and definition part of the name, e.g. <c>ttc.nuplan</c>; also the name of the series behind it.</summary>
    public string Signal => Metric[..Metric.LastIndexOf('.')];

    /// <summary>The statistic, e.g. <c>min</c>.</summary>
    public string Aggregate => Metric[(Metric.LastIndexOf('.') + 1)..];

    /// <summary>
    /// Why a metric reported in <paramref name="metricUnit"/> cannot be compared with this expectation's unit, or null when it can.
    /// </summary>
    public string? UnitProblem(Unit metricUnit)
    {
        if (!UnitTable.TryFind(metricUnit, out var measuredUnit))
        {
            return $"metric '{Metric}' is reported in unit '{metricUnit}', which the unit table does not know ({UnitTable.Symbols})";
        }

        return measuredUnit.Dimension == Unit.Dimension
            ? null
            : $"unit '{Unit.Symbol}' ({Unit.DimensionName}) does not fit metric '{Metric}' in '{measuredUnit.Symbol}' ({measuredUnit.DimensionName}); write the value in {UnitTable.SymbolsOf(measuredUnit.Dimension)}";
    }

    /// <inheritdoc/>
    public override ExpectationOutcome Judge(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var expected = $"{Operator} {Format(Value)} {Unit.Symbol}";
        var metric = evaluation.FindMetric(Metric);
        if (metric is null)
        {
            var reported = evaluation.Metrics.Count == 0 ? "none" : string.Join(", ", evaluation.Metrics.Select(m => m.Name));
            return Inconclusive($"{Metric} was not reported by any analyzer, so '{Text}' cannot be judged; reported metrics are {reported}.");
        }

        if (metric.Value is not { } measured || double.IsNaN(measured))
        {
            return Inconclusive($"{Metric} has no value ({metric.Reason ?? (metric.Value is null ? "no reason given" : "it is NaN")}), so '{Text}' cannot be judged.");
        }

        if (UnitProblem(metric.Unit) is { } problem)
        {
            return Inconclusive($"'{Text}' cannot be judged: {problem}.");
        }

        UnitTable.TryFind(metric.Unit, out var measuredUnit);
        var measuredSi = measuredUnit.ToSi(measured);
        var measuredHere = Unit.FromSi(measuredSi);
        var inOtherUnit = measuredUnit.Symbol == Unit.Symbol ? "" : $" ({Format(measured)} {measuredUnit.Symbol})";
        var outcome = Operator.Holds(measuredSi, Unit.ToSi(Value)) ? Outcome.Pass : Outcome.Fail;
        var message = $"{Metric} was {Format(measuredHere)} {Unit.Symbol}{inOtherUnit}, expected {expected} ({metric.Definition}){WhereItPeaked(evaluation)}.";
        return new ExpectationOutcome(Text, outcome, measuredHere, Value, Unit.Symbol, message);

        ExpectationOutcome Inconclusive(string why) => new(Text, Outcome.Inconclusive, null, Value, Unit.Symbol, why);
    }

    /// <summary>For min and max: when the series behind the metric reached it, and which event with which agent covers that time.</summary>
    private string WhereItPeaked(Evaluation evaluation)
    {
        var lowest = Aggregate == "min";
        if (!lowest && Aggregate != "max")
        {
            return "";
        }

        var series = evaluation.Series.FirstOrDefault(s => s.Name == Signal);
        if (series is null || series.Values.Count == 0)
        {
            return "";
        }

        var best = -1;
        for (var i = 0; i < series.Values.Count; i++)
        {
            var v = series.Values[i];
            if (!double.IsNaN(v) && (best < 0 || (lowest ? v < series.Values[best] : v > series.Values[best])))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return "";
        }

        var t = series.TimesSeconds[best];
        var during = evaluation.Events.FirstOrDefault(e => e.Agents.Count > 0 && t >= e.StartSeconds && t < e.EndSeconds);
        var with = during is null ? "" : $" against track {string.Join(", ", during.Agents)} ({during.Kind})";
        return $"; {(lowest ? "lowest" : "highest")} at t={Format(t)} s{with}";
    }
}
