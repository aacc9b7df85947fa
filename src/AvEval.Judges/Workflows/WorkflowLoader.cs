using System.Globalization;
using AvEval.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AvEval.Judges.Workflows;

/// <summary>Reads workflow files strictly: unknown fields, missing fields, unknown step kinds and repeated or dangling step ids are errors naming <c>file:line:column</c>.</summary>
public static class WorkflowLoader
{
    private static readonly string[] CitingFields = ["examples", "inputs"];
    private static readonly HashSet<string> TopFields = ["$schema", "id", "description", "budget", "steps"];
    private static readonly Dictionary<string, string[]> StepFields = new(StringComparer.Ordinal)
    {
        ["retrieve"] = ["k"],
        ["tool"] = ["tool", "arguments"],
        ["judge"] = ["judge", "examples"],
        ["aggregate"] = ["inputs", "threshold"],
    };

    /// <summary>Reads a workflow file.</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="JudgeException">The file is not a valid workflow.</exception>
    public static WorkflowSpec Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!File.Exists(file))
        {
            throw JudgeException.BadWorkflow(file, "1:1", "the file does not exist", "check the path (workflows live under scenarios/workflows/)");
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw JudgeException.BadWorkflow(file, $"{e.Start.Line}:{e.Start.Column}", $"the YAML does not parse ({e.Message})", "fix the syntax");
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw JudgeException.BadWorkflow(file, "1:1", "the file is not one YAML mapping", "write the workflow's fields (id, description, budget, steps)");
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => !TopFields.Contains(k.Value!)))
        {
            throw JudgeException.BadWorkflow(file, At(key), $"unknown field '{key.Value}'", "use id, description, budget and steps");
        }

        var budget = Map(root, "budget", file);
        var stepsNode = root.Children.TryGetValue(new YamlScalarNode("steps"), out var s) && s is YamlSequenceNode seq && seq.Children.Count > 0
            ? seq
            : throw JudgeException.BadWorkflow(file, At(root), "'steps' is missing or not a non-empty list", "list the steps");
        var steps = new List<WorkflowStep>();
        foreach (var node in stepsNode.Children)
        {
            if (node is not YamlMappingNode step)
            {
                throw JudgeException.BadWorkflow(file, At(node), "a step is not a mapping", "write each step as 'id', 'kind' and its fields");
            }

            string id = Scalar(step, "id", file);
            string kind = Scalar(step, "kind", file);
            if (!StepFields.TryGetValue(kind, out var allowed))
            {
                throw JudgeException.BadWorkflow(file, At(step), $"step '{id}' has the kind '{kind}'", "use retrieve, tool, judge or aggregate");
            }

            if (steps.Any(x => x.Id == id))
            {
                throw JudgeException.BadWorkflow(file, At(step), $"the step id '{id}' is used twice", "give each step its own id");
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in step.Children)
            {
                string name = ((YamlScalarNode)k).Value!;
                if (name is "id" or "kind")
                {
                    continue;
                }

                if (!allowed.Contains(name))
                {
                    throw JudgeException.BadWorkflow(file, At(k), $"step '{id}' ({kind}) has the unknown field '{name}'", $"use {string.Join(", ", allowed)}");
                }

                settings[name] = v switch
                {
                    YamlScalarNode sc => sc.Value ?? string.Empty,
                    YamlSequenceNode list => string.Join(",", list.Children.OfType<YamlScalarNode>().Select(x => x.Value)),
                    YamlMappingNode map => string.Join(",", map.Children.Select(p => $"{((YamlScalarNode)p.Key).Value}={((YamlScalarNode)p.Value).Value}")),
                    _ => string.Empty,
                };
            }

            foreach (string cited in CitingFields.Where(settings.ContainsKey).SelectMany(f => settings[f].Split(',', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (steps.All(x => x.Id != cited))
                {
                    throw JudgeException.BadWorkflow(file, At(step), $"step '{id}' cites '{cited}', which is not an earlier step", "cite the id of a step above it");
                }
            }

            steps.Add(new WorkflowStep(id, kind, settings, (int)step.Start.Line));
        }

        return new WorkflowSpec(Scalar(root, "id", file), Scalar(root, "description", file), (int)Number(budget, "max_steps", file, 1, 100), (long)Number(budget, "max_tokens", file, 1, 1e9),
            Number(budget, "max_seconds", file, 0.001, 86400), steps, Path.GetFullPath(file));
    }

    private static string At(YamlNode n) => $"{n.Start.Line}:{n.Start.Column}";

    private static YamlMappingNode Map(YamlMappingNode m, string name, string file) =>
        m.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlMappingNode map
            ? map
            : throw JudgeException.BadWorkflow(file, At(m), $"'{name}' is missing or not a mapping", $"write '{name}' as a mapping");

    private static string Scalar(YamlMappingNode m, string name, string file) =>
        m.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlScalarNode { Value: { Length: > 0 } s }
            ? s
            : throw JudgeException.BadWorkflow(file, At(m), $"'{name}' is missing or empty", $"write '{name}'");

    private static double Number(YamlMappingNode m, string name, string file, double min, double max)
    {
        string text = Scalar(m, name, file);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= min && d <= max
            ? d
            : throw JudgeException.BadWorkflow(file, At(m[name]), $"'{name}' is '{text}'", $"write a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }
}
