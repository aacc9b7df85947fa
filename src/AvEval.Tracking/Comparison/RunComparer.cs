using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// Compares a candidate's run with a baseline's, read from a results store through its public API: pairs cases by
/// scenario (cases in one run only are listed, never dropped), refuses runs that are not complete, marks scenarios
/// flaky from the history of both fingerprints (cases judged by the same learned evaluator versions only), and computes per behaviour the paired statistics of
/// <see cref="BehaviorComparison"/>. The McNemar family for Holm and Benjamini–Hochberg is the behaviours with at least
/// one discordant pair: a behaviour without one has an exact p of 1 and can never be rejected, so leaving it out keeps
/// the error rates (Tarone 1990, "A modified Bonferroni method for discrete data", Biometrics 46:515–522).
/// </summary>
public sealed class RunComparer
{
    private readonly DuckDbResultStore _store;
    private readonly Dictionary<RunId, IReadOnlyList<CaseRecord>> _cases = [];
    private readonly Dictionary<RunId, RunManifest> _manifests = [];

    /// <summary>A comparer over one store.</summary>
    public RunComparer(DuckDbResultStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Compares <paramref name="candidate"/> against <paramref name="baseline"/>.</summary>
    /// <exception cref="ComparisonException">A run is not complete, a candidate has no complete run, a run of several candidates was named without one, or nothing pairs.</exception>
    /// <exception cref="ResultStoreException">The store cannot be read, or a run id is unknown.</exception>
    public Comparison Compare(RunSelector baseline, RunSelector candidate, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Resamples, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.FlakyThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FlakyThreshold, 1);

        var before = Resolve("baseline", baseline);
        var after = Resolve("candidate", candidate);
        var baseHistory = History(before.Fingerprint, before);
        var candidateHistory = History(after.Fingerprint, after);

        var baseByScenario = ByScenario("baseline", before);
        var candidateByScenario = ByScenario("candidate", after);
        var pairs = new List<(CaseRecord Base, CaseRecord Cand, ScenarioComparison Row)>();
        foreach (var (scenario, cand) in candidateByScenario)
        {
            if (!baseByScenario.TryGetValue(scenario, out var old))
            {
                continue;
            }

            double? flip = Max(baseHistory.Of(scenario), candidateHistory.Of(scenario));
            var transition = flip > options.FlakyThreshold ? Transition.Flaky : (Passed(old), Passed(cand)) switch
            {
                (true, true) => Transition.StillPassing,
                (true, false) => Transition.NewFailure,
                (false, true) => Transition.Fixed,
                _ => Transition.StillFailing,
            };
            pairs.Add((old, cand, new ScenarioComparison(scenario, cand.Behavior, cand.Severity, old.Outcome, cand.Outcome, transition, flip)));
        }

        if (pairs.Count == 0)
        {
            throw ComparisonException.NoPairs(before.Run.Value, after.Run.Value);
        }

        var onlyBase = baseByScenario.Keys.Where(s => !candidateByScenario.ContainsKey(s)).ToList();
        var onlyCandidate = candidateByScenario.Keys.Where(s => !baseByScenario.ContainsKey(s)).ToList();
        var behaviors = Behaviors(pairs, options);
        return new Comparison(_store.Path, before, after, options, [.. pairs.Select(p => p.Row)], behaviors, onlyBase, onlyCandidate, baseHistory, candidateHistory);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static bool Passed(CaseRecord record) => record.Outcome == Outcome.Pass;

    private static List<BehaviorComparison> Behaviors(List<(CaseRecord Base, CaseRecord Cand, ScenarioComparison Row)> pairs, ComparisonOptions options)
    {
        var groups = pairs.GroupBy(p => p.Row.Behavior, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = new List<BehaviorComparison>(groups.Count);
        foreach (var group in groups)
        {
            var used = group.Where(p => p.Row.Transition != Transition.Flaky).ToList();
            int n = used.Count;
            int passToFail = used.Count(p => p.Row.Transition == Transition.NewFailure);
            int failToPass = used.Count(p => p.Row.Transition == Transition.Fixed);
            int both = used.Count(p => p.Row.Transition == Transition.StillPassing);
            int neither = n - passToFail - failToPass - both;
            int basePasses = both + passToFail;
            int candidatePasses = both + failToPass;
            rows.Add(new BehaviorComparison(
                group.Key,
                n,
                group.Count() - n,
                basePasses,
                candidatePasses,
                n == 0 ? null : WilsonInterval.Compute(basePasses, n, options.Level),
                n == 0 ? null : WilsonInterval.Compute(candidatePasses, n, options.Level),
                passToFail,
                failToPass,
                both,
                neither,
                McNemarTest.ExactPValue(passToFail, failToPass),
                1,
                1,
                n == 0 ? double.NaN : (double)(candidatePasses - basePasses) / n,
                n == 0 ? null : PairedProportionDifference.Compute(both, passToFail, failToPass, neither, options.Level),
                Metrics(used, options)));
        }

        var family = rows.Select((r, i) => (r, i)).Where(x => x.r.PassToFail + x.r.FailToPass > 0).ToList();
        if (family.Count > 0)
        {
            var p = family.Select(x => x.r.McNemarP).ToList();
            var holm = MultipleTesting.Holm(p);
            var bh = MultipleTesting.BenjaminiHochberg(p);
            for (int k = 0; k < family.Count; k++)
            {
                rows[family[k].i] = family[k].r with { PHolm = holm[k], QBh = bh[k] };
            }
        }

        return rows;
    }

    private static List<MetricChange> Metrics(List<(CaseRecord Base, CaseRecord Cand, ScenarioComparison Row)> pairs, ComparisonOptions options)
    {
        var names = new List<string>();
        foreach (var (_, cand, _) in pairs)
        {
            foreach (var expectation in cand.Expectations)
            {
                string first = expectation.Text.Split(' ', 2)[0];
                if (!names.Contains(first, StringComparer.Ordinal) && cand.Metrics.Any(m => m.Name == first))
                {
                    names.Add(first);
                }
            }
        }

        var changes = new List<MetricChange>(names.Count);
        var bootstrap = new Statistics.BootstrapOptions(options.Resamples, options.Seed, options.Level, BootstrapMethod.Percentile, options.MaxDegreeOfParallelism);
        foreach (string name in names)
        {
            var before = new List<double>();
            var after = new List<double>();
            string unit = string.Empty;
            foreach (var (old, cand, _) in pairs)
            {
                var a = old.Metrics.FirstOrDefault(m => m.Name == name);
                var b = cand.Metrics.FirstOrDefault(m => m.Name == name);
                if (a?.Value is double x && b?.Value is double y && double.IsFinite(x) && double.IsFinite(y))
                {
                    before.Add(x);
                    after.Add(y);
                    unit = b.Unit;
                }
            }

            if (before.Count > 0)
            {
                changes.Add(new MetricChange(name, unit, before.Count, before.Average(), after.Average(), PairedBootstrap.MeanDifference(before, after, bootstrap)));
            }
        }

        return changes;
    }

    private ComparedRun Resolve(string side, RunSelector selector)
    {
        RunId run;
        if (selector.Run is { } id)
        {
            run = new RunId(id);
            var summary = _store.GetRun(run);
            if (summary.Status != RunStatus.Complete)
            {
                throw ComparisonException.IncompleteRun(side, run.Value, summary.Status.ToString().ToLowerInvariant());
            }
        }
        else
        {
            run = _store.LatestCompleteRun(selector.Candidate!) ?? throw ComparisonException.NoCompleteRun(side, selector.Candidate!, _store.Path);
        }

        var manifest = Manifest(run);
        var ids = manifest.Candidates.Select(c => c.Id).ToList();
        CandidateRecord chosen;
        if (selector.Candidate is { } wanted)
        {
            chosen = manifest.Candidates.FirstOrDefault(c => c.Id == wanted) ?? throw ComparisonException.CandidateNotInRun(side, run.Value, wanted, ids);
        }
        else
        {
            chosen = manifest.Candidates.Count == 1 ? manifest.Candidates[0] : throw ComparisonException.SeveralCandidates(side, run.Value, ids);
        }

        var cases = Cases(run).Where(c => c.Candidate == chosen.Id || c.Subject == Suites.Suite.LogSubject).ToList();
        return new ComparedRun(run, chosen.Id, chosen.Fingerprint, manifest.StartedAt, manifest.Evaluators, cases);
    }

    private static Dictionary<string, CaseRecord> ByScenario(string side, ComparedRun run)
    {
        var map = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        foreach (var record in run.Cases)
        {
            if (!map.TryAdd(record.Scenario, record))
            {
                throw ComparisonException.RepeatedScenario(side, run.Run.Value, record.Scenario);
            }
        }

        return map;
    }

    // A flip counts only between cases judged by the same learned evaluators (id, version, SHA-256, from each case's
    // learned outputs) as the compared run's case: a change of evaluator version is not the driver's flakiness; it is
    // what the attribution measures. Cases whose scenario files differ still count (FlakinessTests stands in for a
    // stochastic candidate that way).
    private static string EvaluatorsOf(CaseRecord record) =>
        string.Join('\n', record.LearnedOutputs.Select(o => $"{o.Evaluator}@{o.Version} {o.Sha256}").Distinct().Order(StringComparer.Ordinal));

    private FlipRates History(string fingerprint, ComparedRun compared)
    {
        var judgedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in compared.Cases)
        {
            judgedBy.TryAdd(record.Scenario, EvaluatorsOf(record));
        }

        var rates = new Dictionary<string, (int Observations, int Flips)>(StringComparer.Ordinal);
        var last = new Dictionary<string, bool>(StringComparer.Ordinal);
        int runs = 0;
        foreach (var summary in _store.ListRuns().Where(r => r.Status == RunStatus.Complete))
        {
            if (!Manifest(summary.Id).Candidates.Any(c => c.Fingerprint == fingerprint))
            {
                continue;
            }

            runs++;
            foreach (var record in Cases(summary.Id).Where(c => c.CandidateFingerprint == fingerprint))
            {
                if (judgedBy.TryGetValue(record.Scenario, out var evaluators) && evaluators != EvaluatorsOf(record))
                {
                    continue;
                }

                bool passed = Passed(record);
                var (observations, flips) = rates.GetValueOrDefault(record.Scenario);
                if (last.TryGetValue(record.Scenario, out bool previous) && previous != passed)
                {
                    flips++;
                }

                rates[record.Scenario] = (observations + 1, flips);
                last[record.Scenario] = passed;
            }
        }

        return new FlipRates(fingerprint, runs, rates);
    }

    private RunManifest Manifest(RunId run)
    {
        if (!_manifests.TryGetValue(run, out var manifest))
        {
            manifest = _store.GetManifest(run);
            _manifests[run] = manifest;
        }

        return manifest;
    }

    private IReadOnlyList<CaseRecord> Cases(RunId run)
    {
        if (!_cases.TryGetValue(run, out var cases))
        {
            cases = _store.GetCases(run);
            _cases[run] = cases;
        }

        return cases;
    }
}
