using System.Collections.Concurrent;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Storage;
using AvEval.Suites.Internal;

namespace AvEval.Suites;

/// <summary>
/// A <c>scenarios/</c> folder: its candidate catalog (<c>candidates.yaml</c>), its scenario files and the learned
/// evaluators they may pin. Scenario files are read strictly and validated against the metrics the rule analyzers publish
/// (<see cref="PublishedMetrics"/>) and the evaluators of <see cref="Evaluators"/>, and their log must exist inside the
/// folder, symbolic links included (<see cref="SuitePath"/>). A suite reads each scenario file once; it holds no
/// process-wide state. Thread-safe.
/// </summary>
public sealed class Suite
{
    /// <summary>The catalog's file name inside the folder.</summary>
    public const string CatalogFile = "candidates.yaml";

    /// <summary>The folder of the model registry inside the scenarios folder.</summary>
    public const string ModelsFolder = "models";

    /// <summary>The golden sets' folder inside the scenarios folder.</summary>
    public const string GoldenFolder = "golden";

    /// <summary>The scenario files' folder inside the scenarios folder.</summary>
    public const string BehaviorsFolder = "behaviors";

    /// <summary>Every scenario file of the suite, as a pattern.</summary>
    public const string AllScenarios = "behaviors/**/*.yaml";

    /// <summary>
    /// The <c>Subject</c> trait and display-name suffix of a case that checks the log rather than a candidate
    /// (<c>lane_keeping/lanker-2-1-veh-224 @ log</c>): no selected candidate controls what its expectations depend on.
    /// </summary>
    public const string LogSubject = "log";

    /// <summary>The <c>Subject</c> trait of a case that tests a candidate.</summary>
    public const string CandidateSubject = "candidate";

    private readonly ConcurrentDictionary<string, Lazy<ScenarioSpec>> _specs = new(StringComparer.Ordinal);
    private readonly ScenarioSpecValidator _validator;

    /// <summary>Opens a suite: reads <c>candidates.yaml</c>; scenario files are read when asked for.</summary>
    /// <param name="folder">The scenarios folder.</param>
    /// <param name="evaluators">The learned evaluators of its <c>models/</c> folder (<c>AvEval.Learned</c>'s catalog).</param>
    /// <exception cref="ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    public Suite(string folder, IEvaluatorCatalog evaluators)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(evaluators);
        Folder = Path.GetFullPath(folder);
        Evaluators = evaluators;
        Catalog = CandidateCatalog.Load(Path.Combine(Folder, CatalogFile), CanonicalSceneFile.Read);
        _validator = PublishedMetrics.CreateValidator(evaluators);
    }

    /// <summary>The absolute folder.</summary>
    public string Folder { get; }

    /// <summary>The candidates of <c>candidates.yaml</c>.</summary>
    public CandidateCatalog Catalog { get; }

    /// <summary>The learned evaluators that scenarios may pin (<c>evaluator id@version ...</c>).</summary>
    public IEvaluatorCatalog Evaluators { get; }

    /// <summary>
    /// The scenarios folder: <see cref="SuiteSettings.ScenariosFolder"/> when set, else the first <c>scenarios/</c>
    /// folder holding a <c>candidates.yaml</c> found by walking up from <paramref name="start"/>.
    /// </summary>
    /// <exception cref="SuiteSettingsException">No such folder; the message says what to set.</exception>
    public static string FindFolder(SuiteSettings settings, string start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(start);
        if (settings.ScenariosFolder is { } configured)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, CatalogFile))
                ? full
                : throw SuiteSettingsException.NotASuite(SuiteSettings.ScenariosVariable, configured, Path.Combine(full, CatalogFile));
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "scenarios");
            if (File.Exists(Path.Combine(folder, CatalogFile)))
            {
                return folder;
            }
        }

        throw SuiteSettingsException.NoSuiteFound(start);
    }

    /// <summary>Every scenario file under <c>behaviors/</c>, relative to <see cref="Folder"/> with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> BehaviourFiles()
    {
        var behaviours = Path.Combine(Folder, BehaviorsFolder);
        return !Directory.Exists(behaviours)
            ? []
            : [.. Directory.EnumerateFiles(behaviours, "*.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)];
    }

    /// <summary>The candidates to run: the ids given, or by default the first candidate of the catalog that is not a human baseline.</summary>
    /// <param name="ids">The ids; empty for the default.</param>
    /// <param name="setting">Where the ids came from, for the message (<c>AVEVAL_CANDIDATES</c>, <c>--candidate</c>).</param>
    /// <exception cref="SuiteSettingsException">An id is not in the catalog; the message lists the known ones.</exception>
    public IReadOnlyList<ICandidate> SelectCandidates(IReadOnlyList<string> ids, string setting = SuiteSettings.CandidatesVariable)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            var first = Catalog.Candidates.FirstOrDefault(c => c is not HumanBaselineCandidate) ?? Catalog.Candidates[0];
            return [first];
        }

        var selected = new List<ICandidate>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var candidate = Catalog.Candidates.FirstOrDefault(c => c.Id.Value == id)
                ?? throw SuiteSettingsException.UnknownCandidate(setting, id, Path.Combine(Folder, CatalogFile), Catalog.Candidates.Select(c => c.Id.Value));
            selected.Add(candidate);
        }

        return selected;
    }

    /// <summary>Reads and validates a scenario file (once per suite): syntax, fields, metrics, units, and that its log exists inside the folder.</summary>
    /// <param name="file">The file relative to <see cref="Folder"/>, '/' separators.</param>
    /// <exception cref="ScenarioSpecException">The file is invalid; the message starts with <c>file:line:column:</c>.</exception>
    public ScenarioSpec Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var lazy = _specs.GetOrAdd(file, f => new Lazy<ScenarioSpec>(() => Read(f)));
        try
        {
            return lazy.Value;
        }
        catch (AvEvalException)
        {
            // Do not keep a failure: the file may be fixed while an IDE keeps the process alive.
            _specs.TryRemove(new KeyValuePair<string, Lazy<ScenarioSpec>>(file, lazy));
            throw;
        }
    }

    /// <summary>Where a top-level field's value starts in a scenario file (line 1, column 1 when absent).</summary>
    /// <param name="file">The file relative to <see cref="Folder"/>.</param>
    /// <param name="field">A top-level field, e.g. <c>log</c>.</param>
    public SourceLocation LocationOf(string file, string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var full = Path.Combine(Folder, file);
        var lines = File.Exists(full) ? File.ReadAllLines(full) : [];
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(field + ":", StringComparison.Ordinal))
            {
                var rest = lines[i][(field.Length + 1)..];
                return new SourceLocation(file, i + 1, field.Length + 2 + (rest.Length - rest.TrimStart().Length));
            }
        }

        return new SourceLocation(file, 1, 1);
    }

    /// <summary>
    /// The cases of the scenario files matching a pattern: one per valid scenario × candidate that controls at least
    /// one of its expectations (<see cref="ICandidate.Controls"/>, <see cref="PublishedMetrics.DependsOn"/>); one
    /// <c>@ log</c> case per scenario for the candidates that control none of them (it judges the recorded drive and says
    /// why); and one failing case per file that cannot be read (never a skip, never an exception), plus one if the pattern
    /// matches nothing.
    /// </summary>
    /// <param name="pattern">A glob relative to <see cref="Folder"/>, e.g. <c>behaviors/**/*.yaml</c>: <c>*</c> within a folder name, <c>?</c> one character, <c>**</c> across folders.</param>
    /// <param name="candidates">The candidates to run each scenario against.</param>
    public IReadOnlyList<SuiteCase> Discover(string pattern, IReadOnlyList<ICandidate> candidates)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(candidates);
        var ids = candidates.Select(c => c.Id.Value).ToList();
        var files = Glob.Match(Folder, pattern);
        if (files.Count == 0)
        {
            return [Failing("", "(none)", $"the pattern '{pattern}' matches no file under '{Folder}'; check the [Scenarios] pattern, --filter or {SuiteSettings.ScenariosVariable}.", ids)];
        }

        var cases = new List<SuiteCase>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ScenarioSpec spec;
            try
            {
                spec = Load(file);
            }
            catch (AvEvalException e)
            {
                cases.Add(Failing(file, FolderBehavior(file), e.Message, ids));
                continue;
            }

            if (seen.TryGetValue(spec.DisplayName, out var other))
            {
                cases.Add(Failing(file, spec.Behavior, $"{LocationOf(file, "id")}: id '{spec.Id}' of behaviour '{spec.Behavior}' is already used by '{other}'; give each scenario its own id.", ids));
                continue;
            }

            seen[spec.DisplayName] = file;
            var blind = new List<string>();
            foreach (var candidate in candidates)
            {
                var uncontrolled = MotionText.Uncontrolled(spec, candidate);
                if (uncontrolled.Count == spec.Expectations.Count)
                {
                    blind.Add($"{MotionText.LogOnly(uncontrolled, candidate)}");
                    continue;
                }

                cases.Add(new SuiteCase(file, candidate.Id.Value, $"{spec.DisplayName} @ {candidate.Id}", spec.Behavior, spec.Severity, [candidate.Id.Value], spec.Tags));
            }

            if (blind.Count > 0)
            {
                // One case for the log, not one per candidate: none of these candidates can change what it asserts.
                var note = $"{spec.DisplayName} checks the log, not a candidate: {string.Join("; ", blind)}; this case judges the recorded drive and is not counted as a test of any candidate.";
                cases.Add(new SuiteCase(file, "", $"{spec.DisplayName} @ {LogSubject}", spec.Behavior, spec.Severity, [], spec.Tags, LogSubject, ChecksLog: note));
            }
        }

        return cases;
    }

    private static SuiteCase Failing(string file, string behavior, string problem, IReadOnlyList<string> candidates)
    {
        var name = file.Length == 0 ? "(no scenario file)" : file;
        return new SuiteCase(file, "", $"{name} (invalid)", behavior, Severity.Blocking, candidates, [], Problem: problem);
    }

    private static string FolderBehavior(string file)
    {
        var parts = file.Split('/');
        return parts.Length >= 2 ? parts[^2] : "(none)";
    }

    private ScenarioSpec Read(string file)
    {
        var full = Path.Combine(Folder, file);
        if (!File.Exists(full))
        {
            throw ScenarioSpecException.At(file, 1, 1, $"the scenario file does not exist under '{Folder}'; check the name.");
        }

        var spec = ScenarioSpecLoader.Parse(file, BoundedYamlReader.ReadText(full, file));
        _validator.EnsureValid(spec);
        // behaviors/<behaviour>/<file>.yaml: the folder names the behaviour, so that filters and folders agree.
        var parts = file.Split('/');
        if (parts.Length == 3 && parts[0] == BehaviorsFolder && parts[1] != spec.Behavior)
        {
            var at = LocationOf(file, "behavior");
            throw ScenarioSpecException.BadValue(file, at.Line, at.Column, "behavior", spec.Behavior, $"the file lies in folder 'behaviors/{parts[1]}'; move the file to 'behaviors/{spec.Behavior}/' or set behavior to '{parts[1]}'");
        }

        // Absolute, '..', missing, or a symbolic link out of the suite: an error at the 'log' field.
        _ = SuitePath.Resolve(Folder, spec.Log, spec.LogLocation ?? LocationOf(file, "log"), "log");
        return spec;
    }
}
