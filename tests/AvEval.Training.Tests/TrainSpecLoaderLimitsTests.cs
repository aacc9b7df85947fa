using System.Text;
using AvEval.Errors;

namespace AvEval.Training.Tests;

/// <summary>Training specs are YAML too: the same bounds as scenario files (no anchors or aliases, capped depth, items, size), the same syntax errors.</summary>
public sealed class TrainSpecLoaderLimitsTests
{
    private static readonly string Suffix = "; see scenarios/training/*.yaml for valid training specs.";

    [Fact]
    public void Load_AliasBomb_RefusedAtTheFirstAnchor()
    {
        var yaml = new StringBuilder("id: x\na0: &a0 lol\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var file = Write(yaml.ToString());

        var error = Record.Exception(() => TrainSpecLoader.Load(file));

        Assert.IsType<LearnedEvaluatorException>(error).Message.ShouldBe(
            $"{file}: line 2, column 5: the anchor '&a0' is refused; AvEval's YAML files allow no anchors or aliases (they can expand without bound), so write the value out in full{Suffix}");
    }

    [Fact]
    public void Load_DeepNesting_RefusedWithTheLimit()
    {
        var file = Write("id: x\ntrain_scenes: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var error = Record.Exception(() => TrainSpecLoader.Load(file));

        Assert.IsType<LearnedEvaluatorException>(error).Message.ShouldBe(
            $"{file}: line 2, column 46: lists and mappings are nested more than 32 deep here, the limit for a YAML file; flatten the structure{Suffix}");
    }

    [Fact]
    public void Load_UnclosedFlowList_SyntaxErrorWithLineAndColumn()
    {
        // YamlDotNet's scanner throws InvalidOperationException here; the loader used to let it escape.
        var file = Write("id: x\ntrain_scenes: [a, b\n");

        var error = Record.Exception(() => TrainSpecLoader.Load(file));

        Assert.IsType<LearnedEvaluatorException>(error).Message.ShouldStartWith($"{file}: line ");
        error.Message.ShouldContain("YAML syntax error");
    }

    [Fact]
    public void Load_HugeFile_RefusedBeforeReading()
    {
        var file = Write("id: x\n# " + new string('x', 1024 * 1024) + "\n");

        var error = Record.Exception(() => TrainSpecLoader.Load(file));

        Assert.IsType<LearnedEvaluatorException>(error).Message.ShouldBe(
            $"{file}: line 1, column 1: the file is 1048585 bytes, more than the limit of 1048576 bytes for a YAML file; split it or remove what it does not need{Suffix}");
    }

    private static string Write(string yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aveval-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
