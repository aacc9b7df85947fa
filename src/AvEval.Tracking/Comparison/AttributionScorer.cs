using System.Globalization;
using System.Security.Cryptography;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Suites;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// Splits each behaviour's change into a driving effect and an evaluator effect (<see cref="AttributionBehavior"/>).
/// The store keeps no drives: each drive is regenerated from the run's manifest (the suite folder it names, whose
/// scenario and log files must still have the SHA-256 the manifest recorded, and the candidate, whose fingerprint must
/// match), and the regenerated (D_b, E_b) and (D_c, E_c) verdicts and metric values must equal the recorded ones, or the
/// scenario is excluded with that reason. The evaluator set of a run is its learned evaluators (id, version, SHA-256),
/// the scenario files of the paired cases (their expectations and rule options) and its golden files; the crossed cells
/// run one side's drive through the other side's scenario file and evaluators, and a drive must hash the same
/// (<see cref="AttributionDriveHash"/>) under both scenario files, or the scenario is excluded (its file changed the
/// drive, not only the evaluation). Every pinned evaluator version must resolve to
/// <c>&lt;suite&gt;/models/&lt;id&gt;/&lt;version&gt;</c> with the recorded SHA-256; if one does not, the attribution is
/// skipped with the reason, never guessed.
/// </summary>
public sealed class AttributionScorer
{
    private readonly DuckDbResultStore _store;
    private readonly Func<RunManifest, IEvaluatorCatalog> _openEvaluators;

    /// <summary>A scorer over one store.</summary>
    /// <param name="store">The store holding both runs.</param>
    /// <param name="openEvaluators">Opens the evaluator catalog of a run's suite folder (<see cref="RunManifest.SuiteRoot"/>; in the CLI, the ONNX model registry under <c>models/</c> on the device the run's settings name); a catalog that is <see cref="IDisposable"/> is disposed after use.</param>
    public AttributionScorer(DuckDbResultStore store, Func<RunManifest, IEvaluatorCatalog> openEvaluators)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _openEvaluators = openEvaluators ?? throw new ArgumentNullException(nameof(openEvaluators));
    }

    /// <summary>
    /// The attribution of <paramref name="comparison"/>'s changes, or null when the two runs' evaluator sets are the same
    /// (then every change is the driving's) and <paramref name="evenIfSameEvaluators"/> is false.
    /// </summary>
    public Attribution? Attribute(Comparison comparison, bool evenIfSameEvaluators = false)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var baseManifest = _store.GetManifest(comparison.Baseline.Run);
        var candidateManifest = _store.GetManifest(comparison.Candidate.Run);
        var baseCases = comparison.Baseline.Cases.ToDictionary(c => c.Scenario, StringComparer.Ordinal);
        var candidateCases = comparison.Candidate.Cases.ToDictionary(c => c.Scenario, StringComparer.Ordinal);
        var pairs = comparison.Scenarios.Where(s => s.Transition != Transition.Flaky).Select(s => (Row: s, Base: baseCases[s.Scenario], Cand: candidateCases[s.Scenario])).ToList();
        var differences = Differences(baseManifest, candidateManifest, pairs.Select(p => (p.Base.ScenarioFile, p.Cand.ScenarioFile)));
        if (differences.Count == 0 && !evenIfSameEvaluators)
        {
            return null;
        }

        IEvaluatorCatalog? baseCatalog = null;
        IEvaluatorCatalog? candidateCatalog = null;
        try
        {
            if (Problem("baseline", baseManifest, comparison.Baseline, pairs.Select(p => p.Base.ScenarioFile), out baseCatalog) is { } baseProblem)
            {
                return Attribution.Skip(baseProblem, differences);
            }

            if (Problem("candidate", candidateManifest, comparison.Candidate, pairs.Select(p => p.Cand.ScenarioFile), out candidateCatalog) is { } candidateProblem)
            {
                return Attribution.Skip(candidateProblem, differences);
            }

            var baseSuite = new Suite(baseManifest.SuiteRoot, baseCatalog!);
            var candidateSuite = new Suite(candidateManifest.SuiteRoot, candidateCatalog!);
            var baseRunner = new SuiteRunner(baseSuite);
            var candidateRunner = new SuiteRunner(candidateSuite);
            var baseDriver = baseSuite.SelectCandidates([comparison.Baseline.Candidate])[0];
            var candidateDriver = candidateSuite.SelectCandidates([comparison.Candidate.Candidate])[0];
            var scenarios = new List<AttributionScenario>(pairs.Count);
            foreach (var (row, old, cand) in pairs)
            {
                var bb = Score(baseRunner, old.ScenarioFile, old, baseDriver);
                var cb = Score(baseRunner, old.ScenarioFile, cand, candidateDriver);
                var bc = Score(candidateRunner, cand.ScenarioFile, old, baseDriver);
                var cc = Score(candidateRunner, cand.ScenarioFile, cand, candidateDriver);
                string? excluded = Exclusion(bb, cb, bc, cc, old, cand);
                scenarios.Add(excluded is null
                    ? new AttributionScenario(row.Scenario, row.Behavior, bb.Drive, cc.Drive, bb.Passed, cb.Passed, bc.Passed, cc.Passed, null)
                    : new AttributionScenario(row.Scenario, row.Behavior, bb.Drive, cc.Drive, null, null, null, null, excluded));
            }

            var behaviors = scenarios.Where(s => s.Excluded is null).GroupBy(s => s.Behavior, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new AttributionBehavior(
                    g.Key,
                    g.Count(),
                    g.Count(s => s.BaselineDrivesBaselineEvaluators == true),
                    g.Count(s => s.CandidateDrivesBaselineEvaluators == true),
                    g.Count(s => s.BaselineDrivesCandidateEvaluators == true),
                    g.Count(s => s.CandidateDrivesCandidateEvaluators == true)))
                .ToList();
            return new Attribution(AttributionStatus.Attributed, null, differences, behaviors, scenarios);
        }
        finally
        {
            (baseCatalog as IDisposable)?.Dispose();
            (candidateCatalog as IDisposable)?.Dispose();
        }
    }

    /// <summary>What differs between two runs' evaluator sets (learned evaluators, paired scenario files, golden files), one line each; empty when they are the same.</summary>
    public static IReadOnlyList<string> Differences(RunManifest baseline, RunManifest candidate, IEnumerable<(string Baseline, string Candidate)> scenarioFiles)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(scenarioFiles);
        var lines = new List<string>();
        var before = baseline.Evaluators.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var after = candidate.Evaluators.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (string id in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string Of(Dictionary<string, EvaluatorRecord> side) => side.TryGetValue(id, out var e) ? $"{e.Version} (sha256 {Short(e.Sha256)})" : "none";
            if (!before.TryGetValue(id, out var a) || !after.TryGetValue(id, out var b) || a.Version != b.Version || a.Sha256 != b.Sha256)
            {
                lines.Add($"evaluator {id}: {Of(before)} -> {Of(after)}");
            }
        }

        var baseHashes = baseline.Contents.ToDictionary(c => c.Path, c => c.Sha256, StringComparer.Ordinal);
        var candidateHashes = candidate.Contents.ToDictionary(c => c.Path, c => c.Sha256, StringComparer.Ordinal);
        foreach (var (oldFile, newFile) in scenarioFiles.Distinct().OrderBy(f => f.Candidate, StringComparer.Ordinal))
        {
            string a = baseHashes.GetValueOrDefault(Normal(oldFile), "none");
            string b = candidateHashes.GetValueOrDefault(Normal(newFile), "none");
            if (a != b)
            {
                lines.Add($"scenario {Normal(newFile)}: sha256 {Short(a)} -> {Short(b)}");
            }
        }

        static bool Golden(string path) => path.StartsWith(Suite.GoldenFolder + "/", StringComparison.Ordinal);
        foreach (string path in baseHashes.Keys.Where(Golden).Union(candidateHashes.Keys.Where(Golden), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string a = baseHashes.GetValueOrDefault(path, "none");
            string b = candidateHashes.GetValueOrDefault(path, "none");
            if (a != b)
            {
                lines.Add($"golden file {path}: sha256 {Short(a)} -> {Short(b)}");
            }
        }

        return lines;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string Normal(string path) => path.Replace('\\', '/');

    private string? Problem(string side, RunManifest manifest, ComparedRun run, IEnumerable<string> files, out IEvaluatorCatalog? catalog)
    {
        catalog = null;
        string root = manifest.SuiteRoot;
        if (!Directory.Exists(root))
        {
            return $"the {side} run '{run.Run}' was made on the suite folder '{root}', which no longer exists, so its drives cannot be regenerated";
        }

        foreach (var e in manifest.Evaluators)
        {
            string folder = Path.Combine(root, Suite.ModelsFolder, e.Id, e.Version);
            if (!Directory.Exists(folder))
            {
                return $"the {side} run '{run.Run}' used evaluator '{e.Id}' version '{e.Version}', but '{folder}' does not exist, so its evaluators cannot be resolved";
            }
        }

        var hashes = manifest.Contents.ToDictionary(c => c.Path, c => c.Sha256, StringComparer.Ordinal);
        foreach (string file in files.Prepend(Suite.CatalogFile).Distinct(StringComparer.Ordinal))
        {
            string path = Path.Combine(root, file);
            string? recorded = hashes.GetValueOrDefault(Normal(file));
            string? now = File.Exists(path) ? Sha256Of(path) : null;
            if (recorded is null || now != recorded)
            {
                return $"the {side} run '{run.Run}' recorded '{file}' with sha256 '{recorded ?? "none"}', but '{path}' now has '{now ?? "no file"}', so its drives cannot be regenerated as they were";
            }
        }

        catalog = _openEvaluators(manifest);
        foreach (var e in manifest.Evaluators)
        {
            string now;
            try
            {
                now = catalog.Describe(e.Id, e.Version).Sha256;
            }
            catch (AvEvalException ex)
            {
                return $"the {side} run '{run.Run}' used evaluator '{e.Id}' version '{e.Version}', which the suite's registry cannot resolve: {ex.Message}";
            }

            if (now != e.Sha256)
            {
                return $"the {side} run '{run.Run}' used evaluator '{e.Id}' version '{e.Version}' with sha256 '{e.Sha256}', but the registry now has '{now}'";
            }
        }

        var suite = new Suite(root, catalog);
        ICandidate driver;
        try
        {
            driver = suite.SelectCandidates([run.Candidate])[0];
        }
        catch (AvEvalException ex)
        {
            return $"the {side} candidate '{run.Candidate}' is no longer in '{Path.Combine(root, Suite.CatalogFile)}': {ex.Message}";
        }

        if (driver.Fingerprint != run.Fingerprint)
        {
            return $"the {side} candidate '{run.Candidate}' had fingerprint '{run.Fingerprint}' in run '{run.Run}', but '{Path.Combine(root, Suite.CatalogFile)}' now gives '{driver.Fingerprint}'";
        }

        return null;
    }

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private readonly record struct Cell(bool Passed, string? Drive, CaseRecord? Record, string? Error);

    // One cell: the case of `file` in `runner`'s suite (its scenario file and evaluators), driven by `driver`; a case
    // that checks the log is driven by the recorded log on both sides.
    private static Cell Score(SuiteRunner runner, string file, CaseRecord recorded, ICandidate driver)
    {
        var found = runner.Suite.Discover(Normal(file), [driver]);
        var scenario = found.FirstOrDefault(c => c.Subject == recorded.Subject && c.Problem is null);
        if (scenario is null)
        {
            return new Cell(false, null, null, $"'{file}' gives no {recorded.Subject} case for '{driver.Id}' in '{runner.Suite.Folder}'");
        }

        var candidate = scenario.ChecksLog is null ? driver : runner.CandidateOf(scenario);
        try
        {
            var result = runner.Evaluate(scenario.File, candidate);
            var outcome = SeverityPolicy.Decide(scenario, result, CertificationGate.Problems(runner.Suite.Evaluators, result.Spec), runner.Suite.Evaluators);
            return new Cell(outcome.Record.Outcome == Outcome.Pass, AttributionDriveHash.Of(result.Drive), outcome.Record, null);
        }
        catch (AvEvalException e)
        {
            return new Cell(false, null, null, e.Message);
        }
    }

    private static string? Exclusion(Cell bb, Cell cb, Cell bc, Cell cc, CaseRecord old, CaseRecord cand)
    {
        if (new[] { bb, cb, bc, cc }.FirstOrDefault(c => c.Error is not null) is { Error: { } error })
        {
            return $"a drive could not be regenerated or scored: {error}";
        }

        if (Mismatch(bb.Record!, old) is { } baseMismatch)
        {
            return $"the regenerated baseline case differs from the recorded one ({baseMismatch})";
        }

        if (Mismatch(cc.Record!, cand) is { } candidateMismatch)
        {
            return $"the regenerated candidate case differs from the recorded one ({candidateMismatch})";
        }

        if (bb.Drive != bc.Drive)
        {
            return $"the baseline's drive differs between the two scenario files (sha256 {Short(bb.Drive!)} vs {Short(bc.Drive!)}): the file changed the drive, not only its evaluation";
        }

        if (cc.Drive != cb.Drive)
        {
            return $"the candidate's drive differs between the two scenario files (sha256 {Short(cb.Drive!)} vs {Short(cc.Drive!)}): the file changed the drive, not only its evaluation";
        }

        return null;
    }

    // The verdict and every metric value, bit for bit (NaN equals NaN).
    private static string? Mismatch(CaseRecord regenerated, CaseRecord recorded)
    {
        if (regenerated.Outcome != recorded.Outcome)
        {
            return $"verdict '{regenerated.Outcome}' instead of '{recorded.Outcome}'";
        }

        var stored = recorded.Metrics.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var metric in regenerated.Metrics)
        {
            if (!stored.TryGetValue(metric.Name, out var was) || !Equal(metric.Value, was.Value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"metric '{metric.Name}' is '{metric.Value:R}' instead of '{was?.Value:R}'");
            }
        }

        return regenerated.Metrics.Count == recorded.Metrics.Count ? null : $"{regenerated.Metrics.Count} metrics instead of {recorded.Metrics.Count}";
    }

    private static bool Equal(double? a, double? b) =>
        a is null ? b is null : b is not null && BitConverter.DoubleToInt64Bits(a.Value) == BitConverter.DoubleToInt64Bits(b.Value);
}
