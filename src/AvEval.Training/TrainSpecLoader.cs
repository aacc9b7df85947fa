using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using AvEval.Errors;
using AvEval.Learned.Labels;
using AvEval.Scenarios;
using YamlDotNet.RepresentationModel;

namespace AvEval.Training;

/// <summary>Reads training specs (strict: unknown fields are errors, required fields must be there).</summary>
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

        var fields = root.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => p.Value, StringComparer.Ordinal);
        foreach (var name in fields.Keys.Where(k => !Known.Contains(k)))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"unknown field '{name}' (known: {string.Join(", ", Known)})");
        }

        string folder = Path.GetDirectoryName(full)!;
        string Text(string name) => fields.TryGetValue(name, out var n) && n is YamlScalarNode { Value: { Length: > 0 } v }
            ? v
            : throw LearnedEvaluatorException.BadTrainingSpec(full, $"field '{name}' is required and must be text");
        string? Optional(string name) => fields.TryGetValue(name, out var n) && n is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;
        IReadOnlyList<string> Paths(string name)
        {
            if (!fields.TryGetValue(name, out var n) || n is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                throw LearnedEvaluatorException.BadTrainingSpec(full, $"field '{name}' is required and must be a list of scene files");
            }

            return [.. list.Children.Select(c => Path.GetFullPath(Path.Combine(folder, ((YamlScalarNode)c).Value ?? "")))];
        }

        T Number<T>(string name, T fallback, T min)
            where T : struct, INumber<T>, IParsable<T>
        {
            var text = Optional(name);
            if (text is null)
            {
                return fallback;
            }

            return T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw LearnedEvaluatorException.BadTrainingSpec(full, $"field '{name}' is '{text}', expected a number >= {min}");
        }

        var id = Text("id");
        if (!IdPattern().IsMatch(id))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"field 'id' is '{id}'; an evaluator id holds lower-case letters, digits and '_'");
        }

        var version = Text("version");
        if (!VersionPattern().IsMatch(version))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"field 'version' is '{version}'; write a semantic version 'major.minor.patch'");
        }

        var task = Text("task");
        if (task is not (RuleWindowLabels.HardBraking or RuleWindowLabels.CutIn or TrainSpec.HumanLikeness))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"field 'task' is '{task}'; use '{RuleWindowLabels.HardBraking}', '{RuleWindowLabels.CutIn}' or '{TrainSpec.HumanLikeness}'");
        }

        var train = Paths("train_scenes");
        var validation = Paths("validation_scenes");
        foreach (var scene in train.Concat(validation).Where(p => !System.IO.File.Exists(p)))
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"scene file '{scene}' does not exist");
        }

        if (train.Intersect(validation).FirstOrDefault() is { } both)
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, $"scene '{both}' is in both train_scenes and validation_scenes; the split is by scene");
        }

        var candidates = Optional("candidates") is { } c ? Path.GetFullPath(Path.Combine(folder, c)) : null;
        if (task == TrainSpec.HumanLikeness && candidates is null)
        {
            throw LearnedEvaluatorException.BadTrainingSpec(full, "field 'candidates' is required for task 'human_likeness' (the catalog whose log-replay candidates drive the planner drives)");
        }

        return new TrainSpec(
            full,
            id,
            version,
            task,
            Optional("description") ?? "",
            train,
            validation,
            candidates,
            Path.GetFullPath(Path.Combine(folder, Text("output"))),
            Number("seed", 0, 0),
            Number("epochs", 200, 1),
            Number("learning_rate", 0.003, 1e-9),
            Number("hidden", 64, 1),
            Number("batch_size", 256, 1),
            Number("weight_decay", 1e-4, 0.0));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
