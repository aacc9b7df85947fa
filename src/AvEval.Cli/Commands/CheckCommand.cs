using System.CommandLine;
using System.Globalization;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Judges;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval check [&lt;scenario files or folders&gt;] [--suite &lt;folder&gt;]</c>: validates suite files without running
/// them, for editors and pre-commit hooks. A scenario file is read strictly (YAML, fields, types), its expectations are
/// validated against what this build publishes (metrics, units, event kinds, the learned evaluators of the suite's
/// <c>models/</c> registry and the judges of its <c>judges/</c> folder), its folder must match its behaviour, its log must exist inside the suite and hold the ego
/// track, and its id must be unique; <c>candidates.yaml</c> is read as a catalog. Every error is printed on standard error
/// as <c>error: file:line:column: problem</c> (all of them, not just the first; a file that does not parse stops at its
/// first syntax error), then one summary line; exit code 2 if any, else 0 with <c>N files checked</c> on standard output.
/// </summary>
/// <remarks>
/// The checks are those <c>AvEval.Xunit</c>'s <c>ScenarioSuite.Load</c> and <c>ScenarioRunner</c> apply at discovery and
/// run time, composed here from the Core pieces that exist today (<see cref="ScenarioSpecLoader"/>,
/// <see cref="ScenarioSpecValidator"/>, <see cref="SuitePath"/>, <see cref="CandidateCatalog"/>). A suite-validation entry
/// point in Core (returning every problem of a suite, which the runner, <c>dotnet test</c> and this command all call) would
/// be better than two copies of the rules; once the suite moves into Core, this command should call it.
/// </remarks>
internal static class CheckCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths") { Description = "Scenario files, candidates.yaml, or folders (every *.yaml below). Default: the whole suite (behaviors/ and candidates.yaml).", Arity = ArgumentArity.ZeroOrMore };
        var suite = new Option<string?>("--suite") { Description = "The suite folder holding candidates.yaml (logs and models are resolved in it). Default: the nearest such folder above the first path, or above the current folder (also its scenarios/ subfolder)." };
        var command = new Command("check", "Validate scenario files and candidates.yaml without running them: every error with file:line:column.") { paths, suite };
        command.SetAction(parse => Execute(new CheckSettings(parse.GetValue(paths) ?? [], parse.GetValue(suite)), environment));
        return command;
    }

    /// <summary>Runs the verb: 0 when every file is valid, 2 when any error was found.</summary>
    public static int Execute(CheckSettings settings, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (FindSuite(settings, out var problem) is not { } suite || Files(settings, suite, out problem) is not { } files)
        {
            // Not a file's error: no file:line:column to give.
            environment.Error.WriteLine($"error: {problem}");
            return ExitCodes.BadInput;
        }

        var errors = new List<string>();
        // The catalog aveval run opens (the judges around the learned models); checking reads cards only, loads no model.
        using var evaluators = SuiteEvaluators.Open(suite, EvaluatorDevice.Cpu, TextWriter.Null);
        var validator = PublishedMetrics.CreateValidator(evaluators);
        var scenes = new Dictionary<string, Scene?>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        int failing = 0;
        foreach (var file in files)
        {
            int before = errors.Count;
            string shown = Shown(file);
            if (string.Equals(Path.GetFileName(file), ScenarioCatalogFile, StringComparison.Ordinal))
            {
                CheckCatalog(shown, errors);
            }
            else
            {
                CheckScenario(file, shown, suite, validator, environment, scenes, ids, errors);
            }

            failing += errors.Count > before ? 1 : 0;
        }

        foreach (var error in errors)
        {
            environment.Error.WriteLine($"error: {error}");
        }

        string checkedFiles = Count(files.Count, "file");
        if (errors.Count > 0)
        {
            environment.Error.WriteLine($"error: {Count(errors.Count, "error")} in {failing} of {checkedFiles} checked (suite '{suite}'); fix them and run 'aveval check' again.");
            return ExitCodes.BadInput;
        }

        environment.Output.WriteLine($"{checkedFiles} checked, no errors (suite '{suite}').");
        return ExitCodes.Success;
    }

    private const string ScenarioCatalogFile = "candidates.yaml";

    private static void CheckCatalog(string shown, List<string> errors)
    {
        try
        {
            // The catalog reads a recorded-drives candidate's drive files, so a broken drive file is found here too.
            _ = CandidateCatalog.Load(shown, CanonicalSceneFile.Read);
        }
        catch (AvEvalException e)
        {
            errors.Add(e.Message);
        }
    }

    private static void CheckScenario(string file, string shown, string suite, ScenarioSpecValidator validator, CliEnvironment environment,
        Dictionary<string, Scene?> scenes, Dictionary<string, string> ids, List<string> errors)
    {
        ScenarioSpec spec;
        try
        {
            spec = ScenarioSpecLoader.Parse(shown, BoundedYamlReader.ReadText(file, shown));
        }
        catch (AvEvalException e)
        {
            // YAML, fields and types: the loader stops at the first such error of a file.
            errors.Add(e.Message);
            return;
        }

        errors.AddRange(validator.Validate(spec).Select(p => p.Message));

        // behaviors/<behaviour>/<file>.yaml: the folder names the behaviour (ScenarioSuite.Load's rule).
        var inSuite = Path.GetRelativePath(suite, file).Replace(Path.DirectorySeparatorChar, '/').Split('/');
        if (inSuite.Length == 3 && inSuite[0] == "behaviors" && inSuite[1] != spec.Behavior)
        {
            var at = LocationOf(file, shown, "behavior");
            errors.Add(ScenarioSpecException.BadValue(shown, at.Line, at.Column, "behavior", spec.Behavior, $"the file lies in folder 'behaviors/{inSuite[1]}'; move the file to 'behaviors/{spec.Behavior}/' or set behavior to '{inSuite[1]}'").Message);
        }

        if (ids.TryGetValue(spec.DisplayName, out var other))
        {
            var at = LocationOf(file, shown, "id");
            errors.Add(ScenarioSpecException.At(shown, at.Line, at.Column, $"id '{spec.Id}' of behaviour '{spec.Behavior}' is already used by '{other}'; give each scenario its own id.").Message);
        }
        else
        {
            ids[spec.DisplayName] = shown;
        }

        string log;
        try
        {
            log = SuitePath.Resolve(suite, spec.Log, spec.LogLocation ?? LocationOf(file, shown, "log"), "log");
        }
        catch (AvEvalException e)
        {
            errors.Add(e.Message);
            return;
        }

        if (!scenes.TryGetValue(log, out var scene))
        {
            try
            {
                scene = environment.Importers.Import(log);
            }
            catch (AvEvalException e)
            {
                // Reported once, at the first scenario that names the log.
                scene = null;
                var at = spec.LogLocation ?? LocationOf(file, shown, "log");
                errors.Add(ScenarioSpecException.BadValue(shown, at.Line, at.Column, "log", spec.Log, $"it cannot be read ({e.Message.TrimEnd('.')}); fix or replace the log").Message);
            }

            scenes[log] = scene;
        }

        if (scene is not null && !scene.TryGetTrack(spec.Ego, out _))
        {
            // ScenarioRunner's rule, checked here before any drive.
            var at = LocationOf(file, shown, "ego");
            var known = scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => t.Id.Value).Take(12);
            errors.Add(ScenarioSpecException.BadValue(shown, at.Line, at.Column, "ego", spec.Ego.Value, $"log '{spec.Log}' has no such track; vehicle tracks include {string.Join(", ", known)}").Message);
        }
    }

    /// <summary>Where a top-level field's value starts (line 1, column 1 when absent), as ScenarioSuite.LocationOf finds it.</summary>
    private static SourceLocation LocationOf(string file, string shown, string field)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(field + ":", StringComparison.Ordinal))
            {
                var rest = lines[i][(field.Length + 1)..];
                return new SourceLocation(shown, i + 1, field.Length + 2 + (rest.Length - rest.TrimStart().Length));
            }
        }

        return new SourceLocation(shown, 1, 1);
    }

    /// <summary>The suite folder: --suite, else the nearest folder holding candidates.yaml (or whose scenarios/ does) above the first path or the current folder.</summary>
    private static string? FindSuite(CheckSettings settings, out string? problem)
    {
        problem = null;
        if (settings.Suite is { } given)
        {
            var full = Path.GetFullPath(given);
            if (File.Exists(Path.Combine(full, ScenarioCatalogFile)))
            {
                return full;
            }

            problem = $"option --suite is '{given}', but '{Path.Combine(full, ScenarioCatalogFile)}' does not exist; pass the suite folder that holds {ScenarioCatalogFile} (e.g. scenarios).";
            return null;
        }

        string start = settings.Paths.Count > 0 ? Path.GetFullPath(settings.Paths[0]) : Directory.GetCurrentDirectory();
        for (var dir = Directory.Exists(start) ? new DirectoryInfo(start) : new FileInfo(start).Directory; dir is not null; dir = dir.Parent)
        {
            foreach (var folder in (string[])[dir.FullName, Path.Combine(dir.FullName, "scenarios")])
            {
                if (File.Exists(Path.Combine(folder, ScenarioCatalogFile)))
                {
                    return folder;
                }
            }
        }

        problem = $"no suite folder (one holding {ScenarioCatalogFile}, or a scenarios/ folder that does) at or above '{start}'; run inside the repository or pass --suite <folder>.";
        return null;
    }

    /// <summary>The files to check, absolute, in ordinal order, each once.</summary>
    private static List<string>? Files(CheckSettings settings, string suite, out string? problem)
    {
        problem = null;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (settings.Paths.Count == 0)
        {
            files.Add(Path.Combine(suite, ScenarioCatalogFile));
            var behaviors = Path.Combine(suite, "behaviors");
            if (Directory.Exists(behaviors))
            {
                files.UnionWith(Directory.EnumerateFiles(behaviors, "*.yaml", SearchOption.AllDirectories));
            }

            return [.. files];
        }

        foreach (var path in settings.Paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                files.UnionWith(Directory.EnumerateFiles(full, "*.yaml", SearchOption.AllDirectories));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                problem = $"'{path}' is neither a file nor a folder; pass scenario files, candidates.yaml or folders of them.";
                return null;
            }
        }

        return [.. files];
    }

    /// <summary>A file as errors name it: relative to the current folder when below it (editors open it from there), else absolute.</summary>
    private static string Shown(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
