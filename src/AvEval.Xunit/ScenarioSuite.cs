using System.Collections.Concurrent;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Scenarios;
using AvEval.Storage;
using AvEval.Xunit.Internal;

namespace AvEval.Xunit;

/// <summary>
/// A <c>scenarios/</c> folder: its candidate catalog (<c>candidates.yaml</c>) and its scenario files. Scenario files are
/// read strictly and validated against the metrics the rule analyzers publish (<see cref="PublishedMetrics"/>), and
/// their log must exist inside the folder, symbolic links included (<see cref="SuitePath"/>). Opened suites are shared per folder within a process.
/// </summary>
public sealed class ScenarioSuite
{
    private static readonly ConcurrentDictionary<string, Lazy<ScenarioSuite>> Suites = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<ScenarioSpec>> _specs = new(StringComparer.Ordinal);
    private readonly ScenarioSpecValidator _validator;

    private ScenarioSuite(string folder)
    {
        Folder = folder;
        Catalog = CandidateCatalog.Load(Path.Combine(folder, CatalogFile), CanonicalSceneFile.Read);

        // The runtime logs its provider choice (CUDA, or CPU and why) once, on the first model opened.
        Models = new ModelRegistry(Path.Combine(folder, ModelsFolder), LearnedRuntime.FromEnvironment(Console.Error));
        _validator = PublishedMetrics.CreateValidator(Models);
    }

    /// <summary>The folder of the model registry inside the scenarios folder.</summary>
    public const string ModelsFolder = "models";

    /// <summary>The learned evaluators that scenarios may pin (<c>evaluator id@version ...</c>), from <c>models/</c>.</summary>
    public ModelRegistry Models { get; }

    /// <summary>Every scenario file under <c>behaviors/</c>, relative to <see cref="Folder"/> with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> BehaviourFiles()
    {
        var behaviours = Path.Combine(Folder, "behaviors");
        return !Directory.Exists(behaviours)
            ? []
            : [.. Directory.EnumerateFiles(behaviours, "*.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The <c>Subject</c> trait and display-name suffix of a case that checks the log rather than a candidate
    /// (<c>lane_keeping/lanker-2-1-veh-224 @ log</c>): no selected candidate controls what its expectations depend on.
    /// </summary>
    public const string LogSubject = "log";

    /// <summary>The <c>Subject</c> trait of a case that tests a candidate.</summary>
    public const string CandidateSubject = "candidate";

    /// <summary>The catalog's file name inside the folder.</summary>
    public const string CatalogFile = "candidates.yaml";

    /// <summary>The absolute folder.</summary>
    public string Folder { get; }

    /// <summary>The candidates of <c>candidates.yaml</c>.</summary>
    public CandidateCatalog Catalog { get; }

    /// <summary>
    /// The scenarios folder: <see cref="ScenarioSettings.ScenariosFolder"/> when set, else the first <c>scenarios/</c>
    /// folder holding a <c>candidates.yaml</c> found by walking up from <paramref name="start"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder; the message says what to set.</exception>
    public static string FindFolder(ScenarioSettings settings, string start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(start);
        if (settings.ScenariosFolder is { } configured)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, CatalogFile))
                ? full
                : throw new DirectoryNotFoundException($"{ScenarioSettings.ScenariosVariable} is '{configured}', but '{Path.Combine(full, CatalogFile)}' does not exist; point it at a scenarios folder holding {CatalogFile}.");
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "scenarios");
            if (File.Exists(Path.Combine(folder, CatalogFile)))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException($"No scenarios/{CatalogFile} above '{start}'; run the tests inside the repository or set {ScenarioSettings.ScenariosVariable} to the scenarios folder.");
    }

    /// <summary>The suite of a folder, opened once per process.</summary>
    /// <exception cref="ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    public static ScenarioSuite Open(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        var lazy = Suites.GetOrAdd(full, f => new Lazy<ScenarioSuite>(() => new ScenarioSuite(f)));
        try
        {
            return lazy.Value;
        }
        catch (AvEvalException)
        {
            // Do not cache a failure: the file may be fixed while an IDE keeps the process alive.
            Suites.TryRemove(new KeyValuePair<string, Lazy<ScenarioSuite>>(full, lazy));
            throw;
        }
    }

    /// <summary>A new suite of a folder, bypassing the per-process cache (for cold measurements).</summary>
    /// <exception cref="ScenarioSpecException"><c>candidates.yaml</c> is invalid.</exception>
    public static ScenarioSuite OpenUncached(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new ScenarioSuite(Path.GetFullPath(folder));
    }

    /// <summary>The candidates to run: the ids given, or by default the first candidate of the catalog that is not a human baseline.</summary>
    /// <exception cref="ArgumentException">An id is not in the catalog; the message lists the known ones.</exception>
    public IReadOnlyList<ICandidate> SelectCandidates(IReadOnlyList<string> ids)
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
                ?? throw new ArgumentException($"{ScenarioSettings.CandidatesVariable} names candidate '{id}', which {Path.Combine(Folder, CatalogFile)} does not define; known candidates are {string.Join(", ", Catalog.Candidates.Select(c => c.Id))}.");
            selected.Add(candidate);
        }

        return selected;
    }

    /// <summary>Reads and validates a scenario file (cached per file): syntax, fields, metrics, units, and that its log exists inside the folder.</summary>
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
    /// The test cases of the scenario files matching a pattern: one per valid scenario × candidate that controls at least
    /// one of its expectations (<see cref="ICandidate.Controls"/>, <see cref="PublishedMetrics.DependsOn"/>); one
    /// <c>@ log</c> case per scenario for the candidates that control none of them (it judges the recorded drive and says
    /// why); and one failing case per file that cannot be read (never a skip, never an exception), plus one if the pattern
    /// matches nothing.
    /// </summary>
    /// <param name="pattern">A glob relative to <see cref="Folder"/>, e.g. <c>behaviors/**/*.yaml</c>.</param>
    /// <param name="candidates">The candidates to run each scenario against.</param>
    public IReadOnlyList<DiscoveredCase> Discover(string pattern, IReadOnlyList<ICandidate> candidates)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(candidates);
        var ids = candidates.Select(c => c.Id.Value).ToList();
        var files = Glob.Match(Folder, pattern);
        if (files.Count == 0)
        {
            return [Failing("", "(none)", $"the pattern '{pattern}' matches no file under '{Folder}'; check the [Scenarios] pattern or {ScenarioSettings.ScenariosVariable}.", ids)];
        }

        var cases = new List<DiscoveredCase>();
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

                var test = new ScenarioCase(Folder, file, candidate.Id.Value, $"{spec.DisplayName} @ {candidate.Id}");
                cases.Add(new DiscoveredCase(test, spec.Behavior, spec.Severity, [candidate.Id.Value], spec.Tags));
            }

            if (blind.Count > 0)
            {
                // One case for the log, not one per candidate: none of these candidates can change what it asserts.
                var note = $"{spec.DisplayName} checks the log, not a candidate: {string.Join("; ", blind)}; this case judges the recorded drive and is not counted as a test of any candidate.";
                var test = new ScenarioCase(Folder, file, "", $"{spec.DisplayName} @ {LogSubject}", problem: null, checksLog: note);
                cases.Add(new DiscoveredCase(test, spec.Behavior, spec.Severity, [], spec.Tags, LogSubject));
            }
        }

        return cases;
    }

    private DiscoveredCase Failing(string file, string behavior, string problem, IReadOnlyList<string> candidates)
    {
        var name = file.Length == 0 ? "(no scenario file)" : file;
        var test = new ScenarioCase(Folder, file, "", $"{name} (invalid)", problem);
        return new DiscoveredCase(test, behavior, Severity.Blocking, candidates, []);
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
        if (parts.Length == 3 && parts[0] == "behaviors" && parts[1] != spec.Behavior)
        {
            var at = LocationOf(file, "behavior");
            throw ScenarioSpecException.BadValue(file, at.Line, at.Column, "behavior", spec.Behavior, $"the file lies in folder 'behaviors/{parts[1]}'; move the file to 'behaviors/{spec.Behavior}/' or set behavior to '{parts[1]}'");
        }

        // Absolute, '..', missing, or a symbolic link out of the suite: an error at the 'log' field.
        _ = SuitePath.Resolve(Folder, spec.Log, spec.LogLocation ?? LocationOf(file, "log"), "log");
        return spec;
    }
}
