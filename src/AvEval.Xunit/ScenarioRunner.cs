using System.Collections.Concurrent;
using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Import;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;
using AvEval.Xunit.Internal;
using Shouldly;
using Xunit;

namespace AvEval.Xunit;

/// <summary>
/// Runs scenario cases: loads the scene (once per log per runner: many scenarios share a log), asks the candidate for
/// the drive, analyzes it with <see cref="RuleAnalysis.CreateDefault"/> (plus nuPlan's expert L2 and progress against
/// the recorded ego) and with the learned evaluators the scenario pins (batch first: one batched job per evaluator and
/// candidate over every scenario that pins it), and judges the expectations (results cached per scenario × candidate).
/// <see cref="Shared"/> serves a test run; make a new runner for cold measurements.
/// </summary>
public sealed class ScenarioRunner
{
    private const string ExpertSuffix = "#recorded";

    private readonly ConcurrentDictionary<string, Lazy<Scene>> _scenes = new(StringComparer.Ordinal);
    // Candidates are keyed by id and fingerprint: two candidates with one id but different configurations are different drivers.
    private readonly ConcurrentDictionary<(string Folder, string File, string Candidate, string Fingerprint), Lazy<ScenarioResult>> _results = new();
    private readonly ConcurrentDictionary<(string Folder, string File, string Candidate, string Fingerprint), Lazy<Drive>> _drives = new();
    private readonly ConcurrentDictionary<(string Folder, string Candidate, string Fingerprint, string Evaluator), Lazy<int>> _batches = new();
    private readonly SceneImporters _importers = SceneImporters.CreateDefault();
    private readonly RuleAnalysis _analysis = RuleAnalysis.CreateDefault();

    /// <summary>What a case that checks the log drives: the recorded ego, under the id <c>log</c>.</summary>
    private static readonly HumanBaselineCandidate RecordedLog = new(new CandidateId(ScenarioSuite.LogSubject), "the recorded drive of the log; no selected candidate controls what this scenario asserts");

    /// <summary>The runner the tests of one process share.</summary>
    public static ScenarioRunner Shared { get; } = new();

    /// <summary>Drives, analyzes and judges a runnable case.</summary>
    /// <exception cref="AvEvalException">The scenario or the log is invalid, or the candidate cannot drive it (the ego is not in the log...); the message is the precise error.</exception>
    /// <exception cref="ArgumentException">The case has a <see cref="ScenarioCase.Problem"/>; the message is that problem.</exception>
    public ScenarioResult Run(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(scenario));
        }

        var suite = ScenarioSuite.Open(scenario.ScenariosFolder);
        return Run(suite, scenario.File, scenario.ChecksLog is null ? suite.SelectCandidates([scenario.Candidate])[0] : RecordedLog);
    }

    /// <summary>Drives, analyzes and judges one scenario file of a suite for one candidate (cached).</summary>
    /// <exception cref="AvEvalException">The scenario or the log is invalid, or the candidate cannot drive it.</exception>
    public ScenarioResult Run(ScenarioSuite suite, string file, ICandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(candidate);
        return Cached(_results, (suite.Folder, file, candidate.Id.Value, candidate.Fingerprint), () => Evaluate(suite, file, candidate));
    }

    /// <summary>
    /// What the generic scenario test does: runs the case and turns its verdict into the test's outcome. A blocking
    /// scenario fails the test when it fails or is inconclusive; a warning or info scenario that does not pass lets the
    /// test pass with a warning. Bad input (the case's problem, a missing ego, an unreadable log) always fails. A learned
    /// evaluator without a current passing certification fails blocking and warning scenarios and warns on info ones. The
    /// evaluation is attached as <c>evaluation.json</c> when a test is running.
    /// </summary>
    /// <exception cref="ShouldAssertException">The test must fail; the message says why.</exception>
    public ScenarioResult Verify(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem is { } problem)
        {
            throw new ShouldAssertException(problem);
        }

        ScenarioResult result;
        try
        {
            result = Run(scenario);
        }
        catch (AvEvalException e)
        {
            throw new ShouldAssertException(e.Message, e);
        }

        var context = TestContext.Current;
        if (scenario.ChecksLog is { } note)
        {
            context.TestOutputHelper?.WriteLine(note);
        }

        if (context.Test is not null)
        {
            context.AddAttachment("evaluation.json", ScenarioResultJson.Write(result), "application/json");
        }

        GateOnCertification(scenario, result, context);
        if (result.Verdict.Outcome == Outcome.Pass)
        {
            return result;
        }

        var message = scenario.ChecksLog is { } why
            ? why + Environment.NewLine + FailureText.ForVerdict(result, scenario.File)
            : FailureText.ForVerdict(result, scenario.File);
        if (result.Verdict.BlocksRelease)
        {
            throw new ShouldAssertException(message);
        }

        if (context.Test is not null)
        {
            context.AddWarning($"{result.Spec.Severity.ToString().ToLowerInvariant()} scenario did not pass (the test passes; it does not block the release): {message}");
        }

        return result;
    }

    /// <summary>
    /// A scenario that pins a learned evaluator without a current passing certification (none, refused, or stale for its
    /// model or golden set) fails when blocking or warning, whatever its verdict; an info scenario passes with a warning.
    /// </summary>
    private static void GateOnCertification(ScenarioCase scenario, ScenarioResult result, ITestContext context)
    {
        var problems = CertificationGate.Problems(ScenarioSuite.Open(scenario.ScenariosFolder), result.Spec);
        if (problems.Count == 0)
        {
            return;
        }

        var spec = result.Spec;
        string severity = spec.Severity.ToString().ToLowerInvariant();
        string message = $"{spec.DisplayName} @ {result.Verdict.Candidate}: uncertified evaluator ({severity}, {scenario.File}): {string.Join(" ", problems)}";
        if (spec.Severity != Severity.Info)
        {
            throw new ShouldAssertException(message);
        }

        if (context.Test is not null)
        {
            context.AddWarning($"info scenario uses an evaluator without a current certification (the test passes; it does not gate anything): {message}");
        }
    }

    /// <summary>The failure message of a result that did not pass, as a test shows it.</summary>
    /// <param name="result">The result.</param>
    /// <param name="file">The scenario file, as the message names it.</param>
    public static string DescribeFailure(ScenarioResult result, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FailureText.ForVerdict(result, file);
    }

    /// <summary>The <c>evaluation.json</c> a test attaches (format <c>aveval.scenario-result/1</c>), UTF-8.</summary>
    /// <param name="result">The result.</param>
    public static byte[] EvaluationJson(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ScenarioResultJson.Write(result);
    }

    private ScenarioResult Evaluate(ScenarioSuite suite, string file, ICandidate candidate)
    {
        var spec = suite.Load(file);
        var drive = DriveOf(suite, file, candidate);
        var evaluation = _analysis.Analyze(drive).Combine(AgainstExpert(spec, SceneOf(suite, spec), drive));
        foreach (var learned in spec.Expectations.OfType<EvaluatorExpectation>().DistinctBy(e => e.EvaluatorKey))
        {
            RunBatch(suite, candidate, learned);
            evaluation = evaluation.Combine(suite.Models.Resolve(learned.Evaluator, learned.Version).Analyze(drive));
        }

        return new ScenarioResult(spec, candidate, drive, evaluation, Verdict.Judge(spec, candidate.Id, evaluation));
    }

    /// <summary>
    /// Batch first: the first case that needs a learned evaluator for a candidate evaluates the drives of every scenario
    /// of the suite that pins it, in one batched job; each case then reads its own result from the evaluator's cache.
    /// Scenarios that cannot be driven are left out here and fail in their own case.
    /// </summary>
    private void RunBatch(ScenarioSuite suite, ICandidate candidate, EvaluatorExpectation learned)
    {
        var key = (suite.Folder, candidate.Id.Value, candidate.Fingerprint, learned.EvaluatorKey);
        _ = _batches.GetOrAdd(key, _ => new Lazy<int>(() =>
        {
            var drives = new List<Drive>();
            foreach (var file in suite.BehaviourFiles())
            {
                try
                {
                    if (suite.Load(file).Expectations.OfType<EvaluatorExpectation>().Any(e => e.EvaluatorKey == learned.EvaluatorKey))
                    {
                        drives.Add(DriveOf(suite, file, candidate));
                    }
                }
                catch (AvEvalException)
                {
                    // An invalid scenario or one its candidate cannot drive reports its error in its own test case.
                }
            }

            return suite.Models.Open(learned.Evaluator, learned.Version).Evaluate(drives).Count;
        })).Value;
    }

    private Scene SceneOf(ScenarioSuite suite, ScenarioSpec spec)
    {
        var path = spec.LogPath(suite.Folder);
        return Cached(_scenes, path, () => _importers.Import(path));
    }

    /// <summary>
    /// The cached value of a key, made once even when parallel tests ask at the same time; an <see cref="AvEvalException"/>
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

    /// <summary>The candidate's drive of a scenario, made once per runner.</summary>
    private Drive DriveOf(ScenarioSuite suite, string file, ICandidate candidate)
    {
        return Cached(_drives, (suite.Folder, file, candidate.Id.Value, candidate.Fingerprint), () => MakeDrive(suite, file, candidate));
    }

    private Drive MakeDrive(ScenarioSuite suite, string file, ICandidate candidate)
    {
        var spec = suite.Load(file);
        var scene = SceneOf(suite, spec);
        if (!scene.TryGetTrack(spec.Ego, out _))
        {
            var at = suite.LocationOf(file, "ego");
            var known = scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => t.Id.Value).Take(12);
            throw ScenarioSpecException.BadValue(file, at.Line, at.Column, "ego", spec.Ego.Value, $"log '{spec.Log}' has no such track; vehicle tracks include {string.Join(", ", known)}");
        }

        return candidate.Drive(spec, scene);
    }

    /// <summary>
    /// nuPlan's L2 to the expert and progress along the expert's route, the expert being the recorded ego, in a scene
    /// of just the two (so no other analyzer sees the expert as an agent).
    /// </summary>
    private static Evaluation AgainstExpert(ScenarioSpec spec, Scene scene, Drive drive)
    {
        var driven = drive.EgoTrack;
        var recorded = SceneWindow.Cut(scene, spec, new CandidateId(ExpertSuffix))[spec.Ego];
        var expertId = new TrackId(spec.Ego.Value + ExpertSuffix);
        var expert = new Track(expertId, recorded.Kind, recorded.SourceType, recorded.Size, recorded.FirstFrame, recorded.States.ToArray(), recorded.HasAcceleration);
        var pair = new Scene(drive.Scene.Id, drive.Scene.TimeBase, [driven, expert], drive.Scene.Lanes, drive.Scene.Provenance);
        var egoOnly = new Drive(pair, spec.Ego);
        return new NuPlanExpertL2Analyzer(expertId).Analyze(egoOnly).Combine(new NuPlanProgressAnalyzer(expert).Analyze(egoOnly));
    }
}
