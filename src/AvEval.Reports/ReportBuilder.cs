using AvEval.Coverage;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Reports.Internal;
using AvEval.Reports.Model;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Statistics;
using AvEval.Suites;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Reports;

/// <summary>
/// Builds a <see cref="ReportDocument"/> from a results store through its public API: the comparison of
/// <see cref="RunComparer"/>, the decision of <see cref="ReleaseGate"/> when a gate policy is given or found, and, for
/// the trend and the drill-down, each candidate's latest complete run.
/// </summary>
public sealed class ReportBuilder
{
    private readonly DuckDbResultStore _store;
    private readonly TimeProvider _clock;
    private readonly Func<string, IEvaluatorHealthSource>? _health;

    /// <summary>A builder over one store.</summary>
    /// <param name="store">The results store.</param>
    /// <param name="clock">The clock dating the report; null for the system's.</param>
    /// <param name="health">The source of the evaluator-health section for a suite folder (the candidate run's); null for none (the page says so).</param>
    public ReportBuilder(DuckDbResultStore store, TimeProvider? clock = null, Func<string, IEvaluatorHealthSource>? health = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? TimeProvider.System;
        _health = health;
    }

    /// <summary>
    /// Builds the report of <paramref name="candidate"/> against <paramref name="baseline"/>. A null candidate is the
    /// candidate of the latest complete run; a null baseline is the candidate before it (by latest complete run).
    /// </summary>
    /// <exception cref="ReportException">The store holds no complete run, or no baseline can be chosen.</exception>
    /// <exception cref="ComparisonException">The runs cannot be compared (see <see cref="RunComparer"/>).</exception>
    /// <exception cref="ResultStoreException">The store cannot be read, or a run id is unknown.</exception>
    public ReportDocument Build(RunSelector? baseline, RunSelector? candidate, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrendCandidates, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Scenes);
        var history = LatestRuns();
        if (history.Count == 0)
        {
            throw ReportException.NoCompleteRuns(_store.Path);
        }

        var candidateSelector = candidate ?? new RunSelector(history[^1].Id);
        var baselineSelector = baseline ?? DefaultBaseline(history, candidateSelector);

        var candidateRun = _store.GetManifest(ResolveRun(candidateSelector));
        var policy = Policy(options.PolicyFile, candidateRun.SuiteRoot);
        var comparisonOptions = options.Comparison ?? new ComparisonOptions();
        if (policy is not null)
        {
            comparisonOptions = ReleaseGate.OptionsFor(policy, comparisonOptions);
        }

        var comparison = new RunComparer(_store).Compare(baselineSelector, candidateSelector, comparisonOptions);
        var gate = policy is null ? null : Gate(comparison, policy);
        var columns = Columns(history, comparison, options.TrendCandidates);
        var columnCases = columns.Select(c => CasesOf(c.Run, c.Id)).ToList();

        return new ReportDocument(
            ReportDocument.FormatName,
            _clock.GetUtcNow(),
            _store.Path,
            Side(comparison.Baseline),
            Side(comparison.Candidate),
            gate,
            [.. comparison.Behaviors.Select(Behavior)],
            Changes(comparison),
            comparison.OnlyInBaseline,
            comparison.OnlyInCandidate,
            [.. columns.Select(c => new ReportCandidate(c.Id, c.Run.Value, c.StartedAt, [.. _store.GetManifest(c.Run).Evaluators.Select(e => $"{e.Id}@{e.Version}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))],
            Trends(columnCases),
            Scenarios(columnCases, comparison),
            new SceneReplay().Replay(comparison, candidateRun, ViewedScenarios(comparison, options.Scenes)),
            _health is null ? null : Health(_health(candidateRun.SuiteRoot)),
            Coverage(comparison.Candidate, candidateRun.SuiteRoot, policy));
    }

    /// <summary>Each candidate with a complete run, once, at its latest complete run; oldest first (by that run's start, then the run's candidate order).</summary>
    private List<(string Id, RunId Run, DateTimeOffset StartedAt)> LatestRuns()
    {
        var latest = new Dictionary<string, (RunId Run, DateTimeOffset StartedAt, int Order)>(StringComparer.Ordinal);
        int order = 0;
        foreach (var summary in _store.ListRuns().Where(r => r.Status == RunStatus.Complete))
        {
            foreach (var c in _store.GetManifest(summary.Id).Candidates)
            {
                latest[c.Id] = (summary.Id, summary.StartedAt, order++);
            }
        }

        return [.. latest.OrderBy(kv => kv.Value.Order).Select(kv => (kv.Key, kv.Value.Run, kv.Value.StartedAt))];
    }

    private RunSelector DefaultBaseline(List<(string Id, RunId Run, DateTimeOffset StartedAt)> history, RunSelector candidate)
    {
        string wanted = candidate.Candidate ?? _store.GetManifest(new RunId(candidate.Run!)).Candidates.Select(c => c.Id).LastOrDefault() ?? string.Empty;
        int at = history.FindLastIndex(h => h.Id == wanted);
        int before = (at < 0 ? history.Count : at) - 1;
        return before >= 0 ? new RunSelector(history[before].Id) : throw ReportException.NoBaseline(_store.Path, wanted);
    }

    private RunId ResolveRun(RunSelector selector) =>
        selector.Run is { } id ? new RunId(id) : _store.LatestCompleteRun(selector.Candidate!) ?? throw ComparisonException.NoCompleteRun("candidate", selector.Candidate!, _store.Path);

    private static GatePolicy? Policy(string? file, string suiteRoot)
    {
        if (file is not null)
        {
            return GatePolicyLoader.Load(file);
        }

        string suitePolicy = Path.Combine(suiteRoot, ReportOptions.SuitePolicyFile);
        return File.Exists(suitePolicy) ? GatePolicyLoader.Load(suitePolicy) : null;
    }

    private static ReportGate Gate(Tracking.Comparison.Comparison comparison, GatePolicy policy)
    {
        string correction = ReleaseGate.Name(policy.Correction);
        GateDecision decision;
        try
        {
            decision = ReleaseGate.Decide(comparison, policy);
        }
        catch (ComparisonException e)
        {
            return new ReportGate(policy.File, policy.SignificanceLevel, correction, null, null, e.Message, []);
        }

        var verdicts = decision.Verdicts
            .OrderByDescending(v => v.Regressed)
            .Select(v => new ReportVerdict(v.Behavior.Behavior, v.Regressed, v.Reason, v.AdjustedP, v.UpperBound, v.Margin))
            .ToList();
        return new ReportGate(policy.File, policy.SignificanceLevel, correction, decision.Passed, GateSummaryWriter.DecisionLine(decision), null, verdicts);
    }

    private static List<(string Id, RunId Run, DateTimeOffset StartedAt)> Columns(List<(string Id, RunId Run, DateTimeOffset StartedAt)> history, Tracking.Comparison.Comparison comparison, int count)
    {
        var compared = new[] { comparison.Baseline, comparison.Candidate };
        var kept = history.Skip(Math.Max(0, history.Count - count)).ToList();
        foreach (var side in compared)
        {
            if (!kept.Any(k => k.Id == side.Candidate))
            {
                kept.RemoveAt(kept.FindIndex(k => compared.All(c => c.Candidate != k.Id)));
                kept.Add(history.Single(h => h.Id == side.Candidate));
            }
        }

        // The compared candidates' columns are the compared runs (a run id may name an older run than the latest).
        return [.. kept.OrderBy(k => history.FindIndex(h => h.Id == k.Id)).Select(k => compared.FirstOrDefault(c => c.Candidate == k.Id) is { } side ? (k.Id, side.Run, side.StartedAt) : k)];
    }

    private static List<string> ViewedScenarios(Tracking.Comparison.Comparison comparison, int count) =>
        [.. comparison.Scenarios.Where(s => s.Transition == Transition.NewFailure).Select(s => s.Scenario).Order(StringComparer.Ordinal)
            .Concat(comparison.Candidate.Cases.Where(c => c.Outcome != Outcome.Pass).Select(c => c.Scenario).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(count)];

    private List<CaseRecord> CasesOf(RunId run, string candidate) =>
        [.. _store.GetCases(run).Where(c => c.Candidate == candidate || c.Subject == Suite.LogSubject)];

    private static ReportRun Side(ComparedRun run) => new(run.Run.Value, run.Candidate, run.Fingerprint, run.StartedAt);

    private static ReportInterval? Interval(ConfidenceInterval? interval) =>
        interval is null ? null : new ReportInterval(interval.Lower, interval.Upper, interval.Level, interval.Method);

    /// <summary>The classification rules as the coverage section states them (<see cref="ScenarioTaxonomy"/>).</summary>
    public static IReadOnlyList<string> CoverageRules { get; } =
    [
        $"Road type: freeway when at least {100 * ScenarioTaxonomy.FreewayAlignedFraction:0}% of the scene map's lane length runs within 45° of one direction (no cross streets); else intersection when a lane crossing the ego's heading at 45°–135° (or marked as in an intersection) lies within {ScenarioTaxonomy.IntersectionRadiusMetres:0} m of the recorded ego's path; else arterial.",
        $"Speed band: the recorded ego's mean speed over the window, low below {ScenarioTaxonomy.LowSpeedBelow:0} m/s, medium below {ScenarioTaxonomy.MediumSpeedBelow:0} m/s, else high.",
        $"Traffic density: other vehicles within {ScenarioTaxonomy.DensityRadiusMetres:0} m of the recorded ego, per km and per same-direction lane abreast, averaged over every 10th frame; light below {ScenarioTaxonomy.LightBelow:0}, moderate below {ScenarioTaxonomy.ModerateBelow:0}, else dense veh/km/lane.",
    ];

    private static ReportCoverage Coverage(ComparedRun candidate, string suiteRoot, GatePolicy? policy)
    {
        CoverageTable table;
        try
        {
            table = CoverageGate.TableOf(candidate, suiteRoot);
        }
        catch (AvEvalException e)
        {
            table = new CoverageTable([], [], [$"the suite folder '{suiteRoot}' of the candidate's run cannot be read ({e.Message.TrimEnd('.')})"]);
        }

        var shortfalls = policy?.Coverage is { } requirement ? CoverageGate.Shortfalls(requirement, table) : [];
        var shortCells = shortfalls.Select(s => s.Cell).ToHashSet();
        return new ReportCoverage(
            CoverageRules,
            ScenarioTaxonomy.RoadTypes,
            ScenarioTaxonomy.SpeedBands,
            ScenarioTaxonomy.Densities,
            policy?.Coverage?.Minimum,
            [.. table.Cells.Select(c => new ReportCoverageCell(c.Cell.Behavior, c.Cell.RoadType, c.Cell.SpeedBand, c.Cell.Density, c.Scenarios, shortCells.Contains(c.Cell)))],
            [.. table.Scenarios.Select(s => new ReportScenarioClass(s.Scenario, s.Cell.RoadType, s.Cell.SpeedBand, s.Cell.Density, Math.Round(s.MeanSpeed, 3), Math.Round(s.VehiclesPerKmPerLane, 3), s.LanesAbreast))],
            [.. shortfalls.Select(s => s.Message)],
            table.Unclassified);
    }

    /// <summary>What the page says of language-model judges, which the section does not cover yet.</summary>
    public const string JudgesNote = "Language-model judges (AvEval.Judges) are not covered by this section yet: it shows the learned evaluators only.";

    private static ReportHealth Health(IEvaluatorHealthSource source) => new(
        source.Description,
        [.. source.Read().Select(h => new ReportEvaluatorHealth(
            h.Evaluator,
            h.Version,
            h.Behaviour,
            h.GoldenSet,
            h.GoldenSetVersion,
            h.Status,
            h.Reason,
            h.LabelBasis,
            h.Statistic,
            h.StatisticValue,
            h.StatisticLower95 is double lo && h.StatisticUpper95 is double hi ? new ReportInterval(lo, hi, 0.95, "bootstrap (as certified)") : null,
            h.Ece,
            h.Items,
            h.Agreements,
            h.Items == 0 ? null : (double)h.Agreements / h.Items,
            h.Items == 0 ? null : Interval(WilsonInterval.Compute(h.Agreements, h.Items)),
            h.Threshold,
            [.. h.Reliability.Select(b => new ReportReliabilityBin(b.Lower, b.Upper, b.Items, b.MeanProbability, b.Positives, (double)b.Positives / b.Items))],
            h.Note))],
        JudgesNote);

    private static ReportBehavior Behavior(BehaviorComparison b) => new(
        b.Behavior,
        b.Pairs,
        b.Flaky,
        b.BaselinePasses,
        b.CandidatePasses,
        Interval(b.BaselineRate),
        Interval(b.CandidateRate),
        b.PassToFail,
        b.FailToPass,
        b.StillPassing,
        b.StillFailing,
        b.McNemarP,
        b.PHolm,
        b.QBh,
        double.IsFinite(b.Change) ? b.Change : null,
        Interval(b.ChangeInterval));

    private static List<ReportChange> Changes(Tracking.Comparison.Comparison comparison)
    {
        var order = new[] { Transition.NewFailure, Transition.Fixed, Transition.Flaky };
        return [.. comparison.Scenarios
            .Where(s => order.Contains(s.Transition))
            .OrderBy(s => Array.IndexOf(order, s.Transition))
            .ThenBy(s => s.Scenario, StringComparer.Ordinal)
            .Select(s => new ReportChange(s.Scenario, s.Behavior, Name(s.Severity), Name(s.Baseline), Name(s.Candidate), Name(s.Transition), s.FlipRate))];
    }

    private static List<ReportTrend> Trends(List<List<CaseRecord>> columns)
    {
        var behaviors = columns.SelectMany(c => c.Select(r => r.Behavior)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [.. behaviors.Select(behavior => new ReportTrend(
            behavior,
            [.. columns.Select(cases =>
            {
                int n = cases.Count(c => c.Behavior == behavior);
                int passes = cases.Count(c => c.Behavior == behavior && c.Outcome == Outcome.Pass);
                return n == 0
                    ? new ReportTrendPoint(0, 0, null, null)
                    : new ReportTrendPoint(n, passes, (double)passes / n, Interval(WilsonInterval.Compute(passes, n)));
            })],
            KeyMetrics(behavior, columns)))];
    }

    // The metrics a behaviour's expectations assert on (the first word of an expectation, when the drive has a metric of
    // that name), as RunComparer picks them for the metric changes.
    private static List<ReportMetricTrend> KeyMetrics(string behavior, List<List<CaseRecord>> columns)
    {
        var names = new List<(string Name, string Unit)>();
        foreach (var record in columns.SelectMany(c => c).Where(c => c.Behavior == behavior))
        {
            foreach (var expectation in record.Expectations)
            {
                string first = expectation.Text.Split(' ', 2)[0];
                if (!names.Any(n => n.Name == first) && record.Metrics.FirstOrDefault(m => m.Name == first) is { } metric)
                {
                    names.Add((first, metric.Unit));
                }
            }
        }

        return [.. names.Select(n => new ReportMetricTrend(n.Name, n.Unit, [.. columns.Select(cases =>
        {
            var values = cases.Where(c => c.Behavior == behavior)
                .Select(c => c.Metrics.FirstOrDefault(m => m.Name == n.Name)?.Value)
                .OfType<double>()
                .Where(double.IsFinite)
                .ToList();
            return new ReportMetricPoint(values.Count, values.Count == 0 ? null : values.Average());
        })]))];
    }

    private static List<ReportScenario> Scenarios(List<List<CaseRecord>> columns, Tracking.Comparison.Comparison comparison)
    {
        var rows = new SortedDictionary<string, (CaseRecord Last, char[] Outcomes)>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            foreach (var record in columns[i])
            {
                if (!rows.TryGetValue(record.Scenario, out var row))
                {
                    row = (record, Enumerable.Repeat('-', columns.Count).ToArray());
                }

                row.Outcomes[i] = Letter(record.Outcome);
                rows[record.Scenario] = (record, row.Outcomes);
            }
        }

        var candidate = comparison.Candidate.Cases.GroupBy(c => c.Scenario, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var baseline = comparison.Baseline.Cases.GroupBy(c => c.Scenario, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var record in candidate.Values.Concat(baseline.Values))
        {
            if (!rows.ContainsKey(record.Scenario))
            {
                rows[record.Scenario] = (record, Enumerable.Repeat('-', columns.Count).ToArray());
            }
        }

        return [.. rows.Select(kv =>
        {
            var now = candidate.GetValueOrDefault(kv.Key);
            return new ReportScenario(
                kv.Key,
                kv.Value.Last.Behavior,
                Name(kv.Value.Last.Severity),
                new string(kv.Value.Outcomes),
                now?.Message,
                baseline.GetValueOrDefault(kv.Key)?.Message,
                now is null ? [] : [.. now.Metrics.Select(Metric)],
                now is null ? [] : [.. now.LearnedOutputs.Select(o => new ReportLearnedOutput(o.Evaluator, o.Version, o.Sha256, o.Output, o.Value))]);
        })];
    }

    private static ReportMetric Metric(MetricRecord m) => m.Value switch
    {
        double v when double.IsFinite(v) => new ReportMetric(m.Name, v, m.Unit, null),
        double v => new ReportMetric(m.Name, null, m.Unit, double.IsPositiveInfinity(v) ? "+inf" : double.IsNegativeInfinity(v) ? "-inf" : "nan"),
        _ => new ReportMetric(m.Name, null, m.Unit, m.Reason ?? "not computed"),
    };

    private static char Letter(Outcome? outcome) => outcome switch
    {
        Outcome.Pass => 'p',
        Outcome.Fail => 'f',
        Outcome.Inconclusive => 'i',
        _ => 'e',
    };

    private static string Name(Outcome? outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Fail => "fail",
        Outcome.Inconclusive => "inconclusive",
        _ => "bad_input",
    };

    private static string Name(Severity severity) => severity switch
    {
        Severity.Blocking => "blocking",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Name(Transition transition) => transition switch
    {
        Transition.NewFailure => "new_failure",
        Transition.Fixed => "fixed",
        Transition.StillFailing => "still_failing",
        Transition.StillPassing => "still_passing",
        _ => "flaky",
    };
}
