using AvEval.Candidates;
using AvEval.Learned.Registry;
using AvEval.Learned.Suites;
using AvEval.Scenarios;
using AvEval.Suites;

namespace AvEval.Xunit;

/// <summary>
/// A <c>scenarios/</c> folder as the xunit surface opens it: Core's <see cref="Suite"/> (candidates, scenario files,
/// discovery) with the learned evaluators of its <c>models/</c> folder (<see cref="Models"/>), inside the catalog of the
/// test assembly's <see cref="ScenarioEvaluatorsAttribute"/> factory when it names one (the judges, for instance). <see cref="Open"/> serves
/// the suite of <see cref="ScenarioRunner.Shared"/>, the run of this test process.
/// </summary>
public sealed class ScenarioSuite
{
    /// <summary>The folder of the model registry inside the scenarios folder.</summary>
    public const string ModelsFolder = Suite.ModelsFolder;

    /// <summary>The <c>Subject</c> trait and display-name suffix of a case that checks the log rather than a candidate.</summary>
    public const string LogSubject = Suite.LogSubject;

    /// <summary>The <c>Subject</c> trait of a case that tests a candidate.</summary>
    public const string CandidateSubject = Suite.CandidateSubject;

    /// <summary>The catalog's file name inside the folder.</summary>
    public const string CatalogFile = Suite.CatalogFile;

    internal ScenarioSuite(string folder, SuiteSettings settings, IEvaluatorCatalogFactory? evaluators)
    {
        var full = Path.GetFullPath(folder);
        // The runtime logs its provider choice (CUDA, or CPU and why) once, on the first model opened.
        Learned = RegistryEvaluatorCatalog.Open(full, settings.Device, Console.Error);
        Evaluators = evaluators?.Create(full, Learned, settings) ?? Learned;
        Core = new Suite(full, Evaluators);
    }

    /// <summary>Core's suite.</summary>
    public Suite Core { get; }

    /// <summary>
    /// The suite's evaluators as Core's runner reaches them: the catalog of the test assembly's
    /// <see cref="ScenarioEvaluatorsAttribute"/> factory around <see cref="Learned"/>, or <see cref="Learned"/> without one.
    /// </summary>
    public IEvaluatorCatalog Evaluators { get; }

    /// <summary>The suite's learned models (<c>models/</c>).</summary>
    public RegistryEvaluatorCatalog Learned { get; }

    /// <summary>The learned evaluators that scenarios may pin (<c>evaluator id@version ...</c>), from <c>models/</c>.</summary>
    public ModelRegistry Models => Learned.Models;

    /// <summary>The absolute folder.</summary>
    public string Folder => Core.Folder;

    /// <summary>The candidates of <c>candidates.yaml</c>.</summary>
    public CandidateCatalog Catalog => Core.Catalog;

    /// <summary>The scenarios folder (<see cref="Suite.FindFolder"/>).</summary>
    /// <exception cref="SuiteSettingsException">No such folder; the message says what to set.</exception>
    public static string FindFolder(ScenarioSettings settings, string start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Suite.FindFolder(settings.ToSuiteSettings(), start);
    }

    /// <summary>The suite of a folder in the run of this process (<see cref="ScenarioRunner.Shared"/>), opened once.</summary>
    /// <exception cref="Errors.ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    public static ScenarioSuite Open(string folder) => ScenarioRunner.Shared.SuiteOf(folder);

    /// <summary>A new suite of a folder, outside any run (for cold measurements), on the device of <c>AVEVAL_DEVICE</c>.</summary>
    /// <exception cref="Errors.ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    public static ScenarioSuite OpenUncached(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new ScenarioSuite(folder, SuiteSettings.FromEnvironment(), ScenarioRunner.AssemblyEvaluators());
    }

    /// <summary>Every scenario file under <c>behaviors/</c> (<see cref="Suite.BehaviourFiles"/>).</summary>
    public IReadOnlyList<string> BehaviourFiles() => Core.BehaviourFiles();

    /// <summary>The candidates to run (<see cref="Suite.SelectCandidates"/>).</summary>
    /// <exception cref="SuiteSettingsException">An id is not in the catalog; the message lists the known ones.</exception>
    public IReadOnlyList<ICandidate> SelectCandidates(IReadOnlyList<string> ids) => Core.SelectCandidates(ids);

    /// <summary>Reads and validates a scenario file (<see cref="Suite.Load"/>).</summary>
    /// <exception cref="Errors.ScenarioSpecException">The file is invalid; the message starts with <c>file:line:column:</c>.</exception>
    public ScenarioSpec Load(string file) => Core.Load(file);

    /// <summary>Where a top-level field's value starts in a scenario file (<see cref="Suite.LocationOf"/>).</summary>
    public SourceLocation LocationOf(string file, string field) => Core.LocationOf(file, field);

    /// <summary>The test cases of the scenario files matching a pattern (<see cref="Suite.Discover"/>), with their traits.</summary>
    /// <param name="pattern">A glob relative to <see cref="Folder"/>.</param>
    /// <param name="candidates">The candidates to run each scenario against.</param>
    public IReadOnlyList<DiscoveredCase> Discover(string pattern, IReadOnlyList<ICandidate> candidates) =>
        [.. Core.Discover(pattern, candidates).Select(c => DiscoveredCase.Of(Folder, c))];
}
