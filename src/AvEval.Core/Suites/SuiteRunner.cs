using System.Collections.Concurrent;
using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Import;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

using AvEval.Suites.Internal;

namespace AvEval.Suites;

/// <summary>
/// Runs the cases of one suite, the same under <c>dotnet test</c> and <c>aveval run</c>: loads the scene (once per log:
/// many scenarios share a log), asks the candidate for the drive, analyzes it with <see cref="RuleAnalysis.CreateDefault"/>
/// (plus nuPlan's expert L2 and progress against the recorded ego) and with the learned evaluators the scenario pins
/// (batch first: one batched job per evaluator and candidate over every scenario of the suite that pins it), judges the
/// expectations, and applies the certification gate and the severity policy (<see cref="SeverityPolicy"/>). Results are
/// kept per scenario × candidate (id and fingerprint) for the runner's life; one runner serves one run. Thread-safe.
/// </summary>
/// <param name="suite">The suite.</param>
public sealed class SuiteRunner(Suite suite)
{
    private const string ExpertSuffix = "#recorded";

    /// <summary>What a case that checks the log drives: the recorded ego, under the id <c>log</c>.</summary>
    private static readonly HumanBaselineCandidate RecordedLog = new(new CandidateId(Suite.LogSubject), "the recorded drive of the log; no selected candidate controls what this scenario asserts");

    private readonly ConcurrentDictionary<string, Lazy<Scene>> _scenes = new(StringComparer.Ordinal);
    // Candidates are keyed by id and fingerprint: two candidates with one id but different configurations are different drivers.
    private readonly ConcurrentDictionary<(string File, string Candidate, string Fingerprint), Lazy<CaseResult>> _results = new();
    private readonly ConcurrentDictionary<(string File, string Candidate, string Fingerprint), Lazy<Drive>> _drives = new();
    private readonly ConcurrentDictionary<(string Candidate, string Fingerprint, string Evaluator), Lazy<int>> _batches = new();
    private readonly SceneImporters _importers = SceneImporters.CreateDefault();
    private readonly RuleAnalysis _analysis = RuleAnalysis.CreateDefault();

    /// <summary>The suite.</summary>
    public Suite Suite { get; } = suite ?? throw new ArgumentNullException(nameof(suite));

    /// <summary>The candidate a runnable case drives: its candidate, or for a log check the recorded drive (id <c>log</c>).</summary>
    /// <exception cref="SuiteSettingsException">The case's candidate is not in the catalog.</exception>
    public ICandidate CandidateOf(SuiteCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.ChecksLog is null ? Suite.SelectCandidates([scenario.Candidate])[0] : RecordedLog;
    }

    /// <summary>Drives, analyzes and judges a runnable case (kept for the runner's life).</summary>
    /// <exception cref="AvEvalException">The scenario or the log is invalid, or the candidate cannot drive it; the message is the precise error.</exception>
    /// <exception cref="ArgumentException">The case has a <see cref="SuiteCase.Problem"/>; the message is that problem.</exception>
    public CaseResult Evaluate(SuiteCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(scenario));
        }

        return Evaluate(scenario.File, CandidateOf(scenario));
    }

    /// <summary>Drives, analyzes and judges one scenario file for one candidate (kept for the runner's life).</summary>
    /// <exception cref="AvEvalException">The scenario or the log is invalid, or the candidate cannot drive it.</exception>
    public CaseResult Evaluate(string file, ICandidate candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(candidate);
        return Cached(_results, (file, candidate.Id.Value, candidate.Fingerprint), () => Make(file, candidate));
    }

    /// <summary>
    /// Runs a case and judges it under the certification gate and the severity policy. Never throws for bad input: a case
    /// with a problem, or one whose scenario, log or drive is invalid, is a <see cref="CaseOutcomeKind.Failure"/> with the
    /// precise error.
    /// </summary>
    public CaseOutcome Judge(SuiteCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem is { } problem)
        {
            return SeverityPolicy.BadInput(scenario, problem);
        }

        try
        {
            var result = Evaluate(scenario);
            return SeverityPolicy.Decide(scenario, result, CertificationGate.Problems(Suite.Evaluators, result.Spec), Suite.Evaluators);
        }
        catch (AvEvalException e)
        {
            return SeverityPolicy.BadInput(scenario, e.Message, e);
        }
    }

    /// <summary>The most cases a runner holds before recording them (see <see cref="Run"/>).</summary>
    public const int RecordBatchSize = 1000;

    /// <summary>The longest a runner that records synchronously (the test host's run fixture) holds judged cases before recording them.</summary>
    public static readonly TimeSpan RecordBatchInterval = TimeSpan.FromSeconds(5);

    /// <summary>The longest <see cref="Run"/> gathers judged cases before its writer thread records them.</summary>
    public static readonly TimeSpan RecordGatherInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Runs every case as one run: records its manifest (<see cref="ManifestBuilder"/>) and then the cases to
    /// <paramref name="recorder"/> when one is given, and finishes the run <see cref="RunStatus.Complete"/> when every case
    /// was judged and recorded, <see cref="RunStatus.Cancelled"/> when <paramref name="cancellation"/> stopped it (then
    /// <see cref="OperationCanceledException"/> is thrown), <see cref="RunStatus.Failed"/> when anything else threw (and
    /// rethrows it). A run is never finished as complete unless it is. The cases are recorded on a writer thread while the
    /// next ones are judged, each write taking what arrived since the last (at most <see cref="RecordBatchSize"/> cases,
    /// gathered for at most <see cref="RecordGatherInterval"/>); <paramref name="recorder"/> is called from that thread,
    /// one call at a time, and a write that fails fails the run.
    /// </summary>
    /// <param name="cases">The cases, in the order they are judged and reported.</param>
    /// <param name="settings">The effective settings, recorded in the manifest.</param>
    /// <param name="recorder">Where the run is recorded; null to record nothing.</param>
    /// <param name="clock">The wall clock of start and end times; null for the system clock.</param>
    /// <param name="progress">
    /// Told how far the run has got (<see cref="RunProgress"/>): before each case and once after the last, on the
    /// runner's thread, synchronously (an <see cref="IProgress{T}"/> that posts elsewhere, like <see cref="Progress{T}"/>,
    /// may see the reports late); null for none.
    /// </param>
    /// <param name="cancellation">Stops the run between cases.</param>
    public SuiteRunResult Run(IReadOnlyList<SuiteCase> cases, SuiteSettings settings, IRunRecorder? recorder = null, TimeProvider? clock = null, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        clock ??= TimeProvider.System;
        var started = clock.GetUtcNow();
        var manifest = ManifestBuilder.Build(RunId.New(started), Suite, cases, settings, started);
        return RunUnder(manifest, cases, recorder, clock, progress, cancellation);
    }

    /// <summary>
    /// Runs cases as one run under a manifest built beforehand, as <see cref="Run"/>
    /// does with the manifest it builds: used for a shard (<see cref="RunShard"/>), whose manifest is built over every case
    /// of the run while only the shard's cases are judged here.
    /// </summary>
    /// <param name="manifest">The run's manifest (<see cref="ManifestBuilder.Build"/>), recorded as given.</param>
    /// <param name="cases">The cases to judge, in order.</param>
    /// <param name="recorder">Where the run is recorded; null to record nothing.</param>
    /// <param name="clock">The wall clock of the end time; null for the system clock.</param>
    /// <param name="progress">Told how far the run has got; null for none.</param>
    /// <param name="cancellation">Stops the run between cases.</param>
    public SuiteRunResult RunUnder(RunManifest manifest, IReadOnlyList<SuiteCase> cases, IRunRecorder? recorder = null, TimeProvider? clock = null, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(cases);
        clock ??= TimeProvider.System;
        using var writer = recorder is null ? null : new BackgroundRecorder(recorder, RecordBatchSize, RecordGatherInterval);
        writer?.Begin(manifest);
        var outcomes = new List<CaseOutcome>(cases.Count);
        try
        {
            foreach (var scenario in cases)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new RunProgress(outcomes.Count, cases.Count, scenario));
                var outcome = Judge(scenario);
                outcomes.Add(outcome);
                writer?.Record(manifest.Id, [outcome.Record]);
            }

            progress?.Report(new RunProgress(outcomes.Count, cases.Count, null));
        }
        catch (OperationCanceledException)
        {
            writer?.Finish(manifest.Id, RunStatus.Cancelled, clock.GetUtcNow());
            throw;
        }
        catch
        {
            writer?.Finish(manifest.Id, RunStatus.Failed, clock.GetUtcNow());
            throw;
        }

        writer?.Finish(manifest.Id, RunStatus.Complete, clock.GetUtcNow());
        return new SuiteRunResult(manifest, RunStatus.Complete, outcomes);
    }

    private CaseResult Make(string file, ICandidate candidate)
    {
        var spec = Suite.Load(file);
        var drive = DriveOf(file, candidate);
        var evaluation = _analysis.Analyze(drive).Combine(AgainstExpert(spec, SceneOf(spec), drive));
        foreach (var learned in spec.Expectations.OfType<EvaluatorExpectation>().DistinctBy(e => e.EvaluatorKey))
        {
            RunBatch(candidate, learned);
            evaluation = evaluation.Combine(Suite.Evaluators.Resolve(learned.Evaluator, learned.Version).Analyze(drive));
        }

        return new CaseResult(spec, candidate, drive, evaluation, Verdict.Judge(spec, candidate.Id, evaluation));
    }

    /// <summary>
    /// Batch first: the first case that needs a learned evaluator for a candidate evaluates the drives of every scenario
    /// of the suite that pins it, in one batched job; each case then reads its own result from the evaluator's cache.
    /// Scenarios that cannot be driven are left out here and fail in their own case.
    /// </summary>
    private void RunBatch(ICandidate candidate, EvaluatorExpectation learned)
    {
        var key = (candidate.Id.Value, candidate.Fingerprint, learned.EvaluatorKey);
        _ = _batches.GetOrAdd(key, _ => new Lazy<int>(() =>
        {
            var drives = new List<Drive>();
            foreach (var file in Suite.BehaviourFiles())
            {
                try
                {
                    if (Suite.Load(file).Expectations.OfType<EvaluatorExpectation>().Any(e => e.EvaluatorKey == learned.EvaluatorKey))
                    {
                        drives.Add(DriveOf(file, candidate));
                    }
                }
                catch (AvEvalException)
                {
                    // An invalid scenario or one its candidate cannot drive reports its error in its own case.
                }
            }

            Suite.Evaluators.EvaluateBatch(learned.Evaluator, learned.Version, drives);
            return drives.Count;
        })).Value;
    }

    private Scene SceneOf(ScenarioSpec spec)
    {
        var path = spec.LogPath(Suite.Folder);
        return Cached(_scenes, path, () => _importers.Import(path));
    }

    /// <summary>
    /// The cached value of a key, made once even when parallel cases ask at the same time; an <see cref="AvEvalException"/>
    /// is not cached (the input may be fixed while an IDE keeps the process alive), so the next call tries again.
    /// </summary>
    private static T Cached<TKey, T>(ConcurrentDictionary<TKey, Lazy<T>> cache, TKey key, Func<T> make)
        where TKey : notnull
    {
        var lazy = cache.GetOrAdd(key, _ => new Lazy<T>(make));
        try
        {
            return lazy.Value;
        }
        catch (AvEvalException)
        {
            cache.TryRemove(new KeyValuePair<TKey, Lazy<T>>(key, lazy));
            throw;
        }
    }

    private Drive DriveOf(string file, ICandidate candidate) =>
        Cached(_drives, (file, candidate.Id.Value, candidate.Fingerprint), () => MakeDrive(file, candidate));

    private Drive MakeDrive(string file, ICandidate candidate)
    {
        var spec = Suite.Load(file);
        var scene = SceneOf(spec);
        if (!scene.TryGetTrack(spec.Ego, out _))
        {
            var at = Suite.LocationOf(file, "ego");
            var known = scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => t.Id.Value).Take(12);
            throw ScenarioSpecException.BadValue(file, at.Line, at.Column, "ego", spec.Ego.Value, $"log '{spec.Log}' has no such track; vehicle tracks include {string.Join(", ", known)}");
        }

        return candidate.Drive(spec, scene);
    }

    /// <summary>
    /// The analyses against the expert (the recorded ego): nuPlan's L2 to the expert and progress along its route always;
    /// the other analyzers of <see cref="RuleAnalysis.CreateExpertComparison"/> (nuPlan's open-loop and closed-loop
    /// metrics, NAVSIM's PDMS and EPDMS, ...) only when the scenario asks for one of their metrics, as they re-run
    /// collisions and TTC. Analyzers that find the expert as a track of the scene get a scene of just the ego and the
    /// expert (so that no other analyzer sees the expert as an agent); the rest get the whole drive, so that the
    /// collisions and TTC inside the scores see every agent.
    /// </summary>
    private static Evaluation AgainstExpert(ScenarioSpec spec, Scene scene, Drive drive)
    {
        var driven = drive.EgoTrack;
        var recorded = SceneWindow.Cut(scene, spec, new CandidateId(ExpertSuffix))[spec.Ego];
        var expertId = new TrackId(spec.Ego.Value + ExpertSuffix);
        var expert = new Track(expertId, recorded.Kind, recorded.SourceType, recorded.Size, recorded.FirstFrame, recorded.States.ToArray(), recorded.HasAcceleration);
        var pair = new Scene(drive.Scene.Id, drive.Scene.TimeBase, [driven, expert], drive.Scene.Lanes, drive.Scene.Provenance);
        var egoOnly = new Drive(pair, spec.Ego);
        var requested = spec.Expectations.OfType<MetricExpectation>().Select(e => e.Metric).ToHashSet(StringComparer.Ordinal);
        var evaluation = new NuPlanExpertL2Analyzer(expertId).Analyze(egoOnly).Combine(new NuPlanProgressAnalyzer(expert).Analyze(egoOnly));
        foreach (var analyzer in RuleAnalysis.CreateExpertComparison(expert).Analyzers)
        {
            if (analyzer is NuPlanExpertL2Analyzer or NuPlanProgressAnalyzer || !analyzer.Publishes.Any(m => requested.Contains(m.Name)))
            {
                continue;
            }

            bool readsExpertFromScene = analyzer is NuPlanOpenLoopAnalyzer or NuPlanExpertL2WithYawAnalyzer;
            evaluation = evaluation.Combine(RuleAnalysis.AnalyzeGuarded(analyzer, readsExpertFromScene ? egoOnly : drive));
        }

        return evaluation;
    }
}
