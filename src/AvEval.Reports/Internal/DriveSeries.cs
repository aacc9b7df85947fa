using AvEval.Analysis;
using AvEval.Reports.Model;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Reports.Internal;

/// <summary>
/// The per-time signals behind a drive's asserted metrics, as Core's rule analyzers compute them (each default analyzer
/// of <see cref="RuleAnalysis.CreateDefault"/> run on the replayed drive, so a series is the one its metric was taken
/// from), and the ego's speed; each with the scenario's expectations on it as thresholds and the stretches that break them.
/// </summary>
internal static class DriveSeries
{
    /// <summary>The signals shown for every drive, after those the expectations assert on.</summary>
    public static IReadOnlyList<string> Always { get; } = ["speed", "accel.lon", "ttc.nuplan"];

    /// <summary>The name of the ego speed series, computed from the drive's states.</summary>
    public const string Speed = "speed";

    public static List<ReportSeries> For(ScenarioSpec spec, Drive drive, IReadOnlyList<ReportEvent> events)
    {
        var bySignal = new Dictionary<string, (MetricSeries Series, string Source)>(StringComparer.Ordinal);
        foreach (var analyzer in RuleAnalysis.CreateDefault().Analyzers)
        {
            foreach (var series in RuleAnalysis.AnalyzeGuarded(analyzer, drive).Series)
            {
                bySignal.TryAdd(series.Name, (series, analyzer.Id));
            }
        }

        var ego = drive.EgoTrack;
        var time = drive.Scene.TimeBase;
        var states = ego.States.ToArray();
        bySignal.TryAdd(Speed, (new MetricSeries(
            Speed,
            Unit.MetrePerSecond,
            "ego speed |velocity| of each state of the drive (the states nuPlan ego_mean_speed averages)",
            [.. Enumerable.Range(0, states.Length).Select(i => time.TimeOf(ego.FirstFrame + i))],
            [.. Enumerable.Range(0, states.Length).Select(i => states[i].Speed)]), "drive"));

        var expectations = spec.Expectations.OfType<MetricExpectation>().ToList();
        var names = expectations.Select(e => e.Signal).Concat(Always).Distinct(StringComparer.Ordinal).Where(bySignal.ContainsKey).ToList();
        return [.. names.Select(name =>
        {
            var (series, source) = bySignal[name];
            var values = series.Values.Select(v => double.IsFinite(v) ? Math.Round(v, 4) : (double?)null).ToList();
            var thresholds = expectations.Where(e => e.Signal == name).Select(e => Threshold(e, series, events, ego.Id.Value)).OfType<ReportThreshold>().ToList();
            return new ReportSeries(name, series.Unit.Symbol, series.Definition, source, [.. series.TimesSeconds.Select(t => Math.Round(t, 4))], values, thresholds);
        })];
    }

    /// <summary>The expectation as a line in the series' unit, or null when the units cannot be converted (the verdict says why).</summary>
    private static ReportThreshold? Threshold(MetricExpectation expectation, MetricSeries series, IReadOnlyList<ReportEvent> events, string ego)
    {
        if (!UnitTable.TryFind(series.Unit, out var unit) || unit.Dimension != expectation.Unit.Dimension)
        {
            return null;
        }

        double bound = unit.FromSi(expectation.Unit.ToSi(expectation.Value));
        var op = expectation.Operator;
        bool perSample = (expectation.Aggregate == "min" && (op == ComparisonOperator.Greater || op == ComparisonOperator.GreaterOrEqual))
            || (expectation.Aggregate == "max" && (op == ComparisonOperator.Less || op == ComparisonOperator.LessOrEqual));
        var violations = new List<ReportViolation>();
        if (perSample)
        {
            int start = -1;
            for (int i = 0; i <= series.Values.Count; i++)
            {
                double v = i < series.Values.Count ? series.Values[i] : double.NaN;
                bool breaks = !double.IsNaN(v) && !op.Holds(v, bound);
                if (breaks && start < 0)
                {
                    start = i;
                }
                else if (!breaks && start >= 0)
                {
                    violations.Add(Violation(series, start, i - 1, expectation.Aggregate == "min", events, ego));
                    start = -1;
                }
            }
        }

        return new ReportThreshold(expectation.Text, expectation.Metric, op.Symbol, bound, perSample, violations);
    }

    private static ReportViolation Violation(MetricSeries series, int first, int last, bool lowIsWorse, IReadOnlyList<ReportEvent> events, string ego)
    {
        int worst = first;
        for (int i = first; i <= last; i++)
        {
            if (lowIsWorse ? series.Values[i] < series.Values[worst] : series.Values[i] > series.Values[worst])
            {
                worst = i;
            }
        }

        double from = series.TimesSeconds[first], to = series.TimesSeconds[last];
        var agents = events.Where(e => e.StartSeconds <= to + 1e-9 && e.EndSeconds >= from - 1e-9)
            .SelectMany(e => e.Agents)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ReportViolation(Math.Round(from, 4), Math.Round(to, 4), Math.Round(series.Values[worst], 4), Math.Round(series.TimesSeconds[worst], 4), agents.Count == 0 ? [ego] : agents);
    }
}
