using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using AvEval.Errors;
using AvEval.Learned.Labels;
using AvEval.Scenarios;
using YamlDotNet.RepresentationModel;

namespace AvEval.Training;

/// <summary>
/// Reads training specs (strict: unknown fields are errors, required fields, <c>seed</c> included, must be
/// there; numbers are finite and in range; a spec inside a <c>scenarios</c> folder references only files inside it,
/// symlinks followed). Every error names <c>file:line:column</c>.
/// </summary>
public static partial class TrainSpecLoader
{
    private static readonly string[] Known =
        ["id", "version", "task", "description", "train_scenes", "validation_scenes", "candidates", "output", "seed", "epochs", "learning_rate", "hidden", "batch_size", "weight_decay"];

    /// <summary>Reads a spec file.</summary>
    /// <exception cref="LearnedEvaluatorException">The file is missing or invalid; the message names the field.</exception>
    public static TrainSpec Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var full = Path.GetFullPath(file);
        if (!System.IO.File.Exists(full))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, "the file does not exist");
        }

        YamlMappingNode root;
        try
        {
            // Bounded: no anchors or aliases, capped size, depth, items and value length (YamlLimits.Default).
            var stream = BoundedYamlReader.Parse(full, BoundedYamlReader.ReadText(full, full));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw LearnedEvaluatorException.BadTrainingSpec(full, "the file is not one YAML mapping");
        }
        catch (ScenarioSpecException e)
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, string.Create(CultureInfo.InvariantCulture, $"line {e.Line}, column {e.Column}: {e.Problem.TrimEnd('.')}"), e);
        }

        string At(YamlNode node) => $"{full}:{node.Start.Line}:{node.Start.Column}";
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw LearnedEvaluatorException.BadTrainingSpec(At(key), "a field name is not plain text; write 'name: value' pairs as in the shipped specs");
            }

            if (!Known.Contains(name))
            {
                throw LearnedEvaluatorException.BadTrainingSpec(At(key), $"unknown field '{name}' (known: {string.Join(", ", Known)})");
            }

            // YamlStream has already refused a repeated key (a parse error above).
            fields[name] = (key, value);
        }

        string folder = Path.GetDirectoryName(full)!;
        string? suite = SuiteRoot(full);
        string Text(string name) => fields.TryGetValue(name, out var n)
            ? n.Value is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw LearnedEvaluatorException.BadTrainingSpec(At(n.Value), $"field '{name}' must be text")
            : throw LearnedEvaluatorException.BadTrainingSpec(At(root), $"field '{name}' is required");
        string? Optional(string name) => fields.TryGetValue(name, out var n)
            ? n.Value is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw LearnedEvaluatorException.BadTrainingSpec(At(n.Value), $"field '{name}' must be text")
            : null;
        YamlNode NodeOf(string name) => fields.TryGetValue(name, out var n) ? n.Value : root;

        // A referenced file resolves inside the suite (the 'scenarios' folder holding the spec), symlinks followed.
        string Resolve(YamlNode node, string field, string text)
        {
            string path = Path.GetFullPath(Path.Combine(folder, text));
            if (suite is not null && !Inside(suite, Real(path)))
            {
                throw LearnedEvaluatorException.BadTrainingSpec(At(node), $"field '{field}' names '{text}', which resolves to '{Real(path)}', outside the suite folder '{suite}'; reference files inside it");
            }

            return path;
        }

        IReadOnlyList<(string Path, YamlNode Node)> Paths(string name)
        {
            if (!fields.TryGetValue(name, out var n))
            {
                throw LearnedEvaluatorException.BadTrainingSpec(At(root), $"field '{name}' is required and must be a list of scene files");
            }

            if (n.Value is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                throw LearnedEvaluatorException.BadTrainingSpec(At(n.Value), $"field '{name}' must be a non-empty list of scene files");
            }

            return [.. list.Children.Select(c => c is YamlScalarNode { Value: { Length: > 0 } v }
                ? (Resolve(c, name, v), c)
                : throw LearnedEvaluatorException.BadTrainingSpec(At(c), $"an entry of '{name}' is not a file path; write one scene file per '- ' line"))];
        }

        T Number<T>(string name, T? fallback, T min)
            where T : struct, INumber<T>, IParsable<T>
        {
            var text = fallback is null ? Text(name) : Optional(name);
            if (text is null)
            {
                return fallback!.Value;
            }

            return T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && T.IsFinite(value)
                ? value
                : throw LearnedEvaluatorException.BadTrainingSpec(At(NodeOf(name)), $"field '{name}' is '{text}', expected a finite number >= {min}");
        }

        var id = Text("id");
        if (!IdPattern().IsMatch(id))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(NodeOf("id")), $"field 'id' is '{id}'; an evaluator id holds lower-case letters, digits and '_'");
        }

        var version = Text("version");
        if (!VersionPattern().IsMatch(version))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(NodeOf("version")), $"field 'version' is '{version}'; write a semantic version 'major.minor.patch'");
        }

        var task = Text("task");
        if (task is not (RuleWindowLabels.HardBraking or RuleWindowLabels.CutIn or TrainSpec.HumanLikeness))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(NodeOf("task")), $"field 'task' is '{task}'; use '{RuleWindowLabels.HardBraking}', '{RuleWindowLabels.CutIn}' or '{TrainSpec.HumanLikeness}'");
        }

        var train = Paths("train_scenes");
        var validation = Paths("validation_scenes");
        foreach (var (scene, node) in train.Concat(validation).Where(p => !System.IO.File.Exists(p.Path)))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(node), $"scene file '{scene}' does not exist; name a canonical scene under scenarios/logs/");
        }

        foreach (var (scene, node) in validation.Where(v => train.Any(t => t.Path == v.Path)))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(node), $"scene '{scene}' is in both train_scenes and validation_scenes; the split is by scene");
        }

        var candidates = Optional("candidates") is { } c ? Resolve(NodeOf("candidates"), "candidates", c) : null;
        if (task == TrainSpec.HumanLikeness && candidates is null)
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(root), "field 'candidates' is required for task 'human_likeness' (the catalog whose log-replay candidates drive the planner drives)");
        }

        if (candidates is not null && !System.IO.File.Exists(candidates))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(At(NodeOf("candidates")), $"candidate catalog '{candidates}' does not exist; name a candidates.yaml");
        }

        return new TrainSpec(
            full,
            id,
            version,
            task,
            Optional("description") ?? "",
            [.. train.Select(t => t.Path)],
            [.. validation.Select(v => v.Path)],
            candidates,
            Resolve(NodeOf("output"), "output", Text("output")),
            Number<int>("seed", null, 0),
            Number<int>("epochs", 200, 1),
            Number<double>("learning_rate", 0.003, 1e-9),
            Number<int>("hidden", 64, 1),
            Number<int>("batch_size", 256, 1),
            Number<double>("weight_decay", 1e-4, 0.0));
    }

    /// <summary>The nearest folder named <c>scenarios</c> above the spec (the suite it belongs to); null when there is none.</summary>
    private static string? SuiteRoot(string spec)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(spec)!); dir is not null; dir = dir.Parent)
        {
            if (dir.Name == "scenarios")
            {
                return Real(dir.FullName);
            }
        }

        return null;
    }

    /// <summary>The path with every symbolic link on it followed (the parts that exist).</summary>
    private static string Real(string path)
    {
        string full = Path.GetFullPath(path);
        string? parent = Path.GetDirectoryName(full);
        string resolvedParent = parent is null ? full : Real(parent);
        string here = parent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Real(target.FullName)
            : here;
    }

    private static bool Inside(string folder, string path) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
