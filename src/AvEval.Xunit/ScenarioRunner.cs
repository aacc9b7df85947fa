using System.Collections.Concurrent;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;
using Shouldly;
using Xunit;

namespace AvEval.Xunit;

/// <summary>
/// The run of a test process: the suites it opened and one Core <see cref="SuiteRunner"/> per suite (the runner
/// <c>aveval run</c> uses too, so both give the same verdicts, messages and metrics), with their results kept for the
/// run. <see cref="Verify"/> maps a case's <see cref="CaseOutcome"/> to a pass, an assertion failure or
/// <c>TestContext</c> warnings. <see cref="Shared"/> is the one run of a test assembly, created lazily on first use;
/// make a new runner (with <see cref="ScenarioSuite.OpenUncached"/>) for cold measurements.
/// </summary>
public sealed class ScenarioRunner
{
    private static readonly Lazy<ScenarioRunner> SharedRun = new(() => new ScenarioRunner());

    private readonly ConcurrentDictionary<string, Lazy<ScenarioSuite>> _suites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Suite, SuiteRunner> _runners = new(ReferenceEqualityComparer.Instance);
    // One xunit view per Core result, so that a result asked for twice is the same object.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<CaseResult, ScenarioResult> _views = [];
    private readonly Lazy<SuiteSettings> _settings;
    private readonly Lazy<IEvaluatorCatalogFactory?> _evaluators;
    private RunRecordingFixture? _recording;

    /// <summary>
    /// A run whose settings are read from the environment on first use, with the evaluators of the test assembly's
    /// <see cref="ScenarioEvaluatorsAttribute"/> (the learned models alone without one).
    /// </summary>
    public ScenarioRunner()
    {
        _settings = new(SuiteSettings.FromEnvironment);
        _evaluators = new(AssemblyEvaluators);
    }

    /// <summary>A run whose settings are read from the environment on first use, with the evaluators of a factory.</summary>
    /// <param name="evaluators">Makes each suite's catalog around its learned models; null for the learned models alone.</param>
    public ScenarioRunner(IEvaluatorCatalogFactory? evaluators)
    {
        _settings = new(SuiteSettings.FromEnvironment);
        _evaluators = new(evaluators);
    }

    /// <summary>A run with the given settings (for tests).</summary>
    internal ScenarioRunner(SuiteSettings settings, IEvaluatorCatalogFactory? evaluators = null)
    {
        _settings = new(settings);
        _evaluators = new(evaluators);
    }

    /// <summary>
    /// The factory the test assembly names with <see cref="ScenarioEvaluatorsAttribute"/>: the entry assembly's (an xunit v3
    /// test assembly is the process's executable), else the running test's assembly; null when neither names one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The attribute names an unusable type.</exception>
    internal static IEvaluatorCatalogFactory? AssemblyEvaluators()
    {
        var assemblies = new List<System.Reflection.Assembly>();
        if (System.Reflection.Assembly.GetEntryAssembly() is { } entry)
        {
            assemblies.Add(entry);
        }

        if (TestContext.Current.TestAssembly is global::Xunit.v3.IXunitTestAssembly running)
        {
            assemblies.Add(running.Assembly);
        }

        foreach (var assembly in assemblies)
        {
            if (assembly.GetCustomAttributes(typeof(ScenarioEvaluatorsAttribute), false).OfType<ScenarioEvaluatorsAttribute>().FirstOrDefault() is { } attribute)
            {
                return attribute.CreateFactory();
            }
        }

        return null;
    }

    /// <summary>The run of this test process, created on first use (its settings are read from the environment then, once).</summary>
    public static ScenarioRunner Shared => SharedRun.Value;

    /// <summary>The settings of this run, read once from the environment (<see cref="SuiteSettings.FromEnvironment"/>).</summary>
    /// <exception cref="SuiteSettingsException">A variable holds a value it does not allow.</exception>
    public SuiteSettings Settings => _settings.Value;

    /// <summary>The suite of a folder in this run, opened once.</summary>
    /// <exception cref="Errors.ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    /// <exception cref="SuiteSettingsException"><c>AVEVAL_DEVICE</c> is invalid.</exception>
    public ScenarioSuite SuiteOf(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        var lazy = _suites.GetOrAdd(full, f => new Lazy<ScenarioSuite>(() => new ScenarioSuite(f, Settings, _evaluators.Value)));
        try
        {
            return lazy.Value;
        }
        catch (AvEvalException)
        {
            // Do not keep a failure: the file may be fixed while an IDE keeps the process alive.
            _suites.TryRemove(new KeyValuePair<string, Lazy<ScenarioSuite>>(full, lazy));
            throw;
        }
    }

    /// <summary>The Core runner of a suite in this run (one per suite).</summary>
    public SuiteRunner RunnerOf(ScenarioSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return _runners.GetOrAdd(suite.Core, s => new SuiteRunner(s));
    }

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

        return View(RunnerOf(SuiteOf(scenario.ScenariosFolder)).Evaluate(scenario.ToSuiteCase()));
    }

    /// <summary>Drives, analyzes and judges one scenario file of a suite for one candidate (kept for the run).</summary>
    /// <exception cref="AvEvalException">The scenario or the log is invalid, or the candidate cannot drive it.</exception>
    public ScenarioResult Run(ScenarioSuite suite, string file, ICandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return View(RunnerOf(suite).Evaluate(file, candidate));
    }

    /// <summary>Runs a case and judges it as Core does for <c>aveval run</c> (<see cref="SuiteRunner.Judge"/>); never throws for bad input.</summary>
    public CaseOutcome Judge(ScenarioCase scenario) => JudgeIn(scenario).Outcome;

    /// <summary>The recording fixture of this runner, if one is registered (see <see cref="RunRecordingFixture"/>).</summary>
    internal void Attach(RunRecordingFixture recording)
    {
        if (Interlocked.CompareExchange(ref _recording, recording, null) is not null)
        {
            throw new InvalidOperationException("This scenario runner already records into a store; register RunRecordingFixture once per test assembly ([assembly: AssemblyFixture(typeof(RunRecordingFixture))]).");
        }
    }

    internal void Detach(RunRecordingFixture recording) => Interlocked.CompareExchange(ref _recording, null, recording);

    /// <summary>Judges a case and says in which suite (null when the suite itself could not be opened).</summary>
    private (CaseOutcome Outcome, ScenarioSuite? Suite) JudgeIn(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var found = scenario.ToSuiteCase();
        if (found.Problem is not null && scenario.ScenariosFolder.Length == 0)
        {
            return (SeverityPolicy.BadInput(found, found.Problem), null);
        }

        ScenarioSuite suite;
        try
        {
            suite = SuiteOf(scenario.ScenariosFolder);
        }
        catch (AvEvalException e)
        {
            return (SeverityPolicy.BadInput(found, found.Problem ?? e.Message, found.Problem is null ? e : null), null);
        }

        return (found.Problem is not null ? SeverityPolicy.BadInput(found, found.Problem) : RunnerOf(suite).Judge(found), suite);
    }

    /// <summary>
    /// What the generic scenario test does: judges the case (<see cref="Judge"/>), records it when a
    /// <see cref="RunRecordingFixture"/> is registered and <c>AVEVAL_STORE</c> is set, and maps its outcome. A failure
    /// throws; each warning becomes a <c>TestContext</c> warning and the test passes; a log check writes why to the test
    /// output; the case's record is attached as <c>evaluation.json</c> (format <c>aveval.scenario-result/1</c>) when a test
    /// is running. With <c>AVEVAL_STORE</c> set and no fixture registered, each case warns that nothing is recorded.
    /// </summary>
    /// <exception cref="ShouldAssertException">The test must fail; the message says why.</exception>
    /// <exception cref="ResultStoreException">The case could not be recorded; the message names the store and what to do.</exception>
    public ScenarioResult Verify(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (outcome, suite) = JudgeIn(scenario);
        var context = TestContext.Current;
        if (suite is not null && _recording is { } recording)
        {
            recording.Add(suite, outcome);
        }
        else if (suite is not null && Settings.Store is { } store && context.Test is not null)
        {
            context.AddWarning($"{SuiteSettings.StoreVariable} is '{store}' but this test assembly records nothing; register the run fixture with [assembly: AssemblyFixture(typeof(AvEval.Xunit.RunRecordingFixture))].");
        }

        if (outcome.Result is not null && outcome.Note is { } note)
        {
            context.TestOutputHelper?.WriteLine(note);
        }

        if (outcome.Result is not null && context.Test is not null)
        {
            context.AddAttachment("evaluation.json", EvaluationJson(outcome), "application/json");
        }

        if (outcome.Kind == CaseOutcomeKind.Failure)
        {
            throw new ShouldAssertException(outcome.Failure, outcome.Error);
        }

        if (context.Test is not null)
        {
            foreach (var warning in outcome.Warnings)
            {
                context.AddWarning(warning);
            }
        }

        return View(outcome.Result!);
    }

    private ScenarioResult View(CaseResult result) => _views.GetValue(result, ScenarioResult.Of);

    /// <summary>The failure message of a result that did not pass, as a test shows it.</summary>
    /// <param name="result">The result.</param>
    /// <param name="file">The scenario file, as the message names it.</param>
    public static string DescribeFailure(ScenarioResult result, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FailureText.ForVerdict(result.ToCaseResult(), file);
    }

    /// <summary>The <c>evaluation.json</c> a test attaches: the case's record (<see cref="RunJson"/>, format <c>aveval.scenario-result/1</c>), UTF-8.</summary>
    /// <param name="outcome">The judged case.</param>
    public static byte[] EvaluationJson(CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return System.Text.Encoding.UTF8.GetBytes(RunJson.Serialize(new CaseDocument(RunJson.CaseFormat, outcome.Record)));
    }

    /// <summary>The <c>evaluation.json</c> of a result, judged as a candidate's case of the suite of <paramref name="suite"/> (by default the suite of the environment in <see cref="Shared"/>).</summary>
    /// <param name="result">The result.</param>
    /// <param name="suite">The suite whose evaluators name learned outputs; null for the environment's.</param>
    public static byte[] EvaluationJson(ScenarioResult result, ScenarioSuite? suite = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        suite ??= ScenarioSuite.Open(ScenarioSuite.FindFolder(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory));
        var spec = result.Spec;
        var found = new SuiteCase(spec.SourceFile, result.Candidate.Id.Value, $"{spec.DisplayName} @ {result.Candidate.Id}", spec.Behavior, spec.Severity, [result.Candidate.Id.Value], spec.Tags);
        var caseResult = result.ToCaseResult();
        return EvaluationJson(SeverityPolicy.Decide(found, caseResult, CertificationGate.Problems(suite.Evaluators, spec), suite.Evaluators));
    }
}
