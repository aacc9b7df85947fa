using AvEval.Errors;

namespace AvEval.Training.Tests;

/// <summary>
/// The malformed-input catalogue for training specs: each case is the shipped <c>scenarios/training/hard_braking_detector.yaml</c>
/// with one defect, in a copy of the suite (its logs and candidates), and must give a <see cref="LearnedEvaluatorException"/>
/// whose message names <c>file:line:column</c> and says what to do, never a raw .NET exception.
/// </summary>
public sealed class TrainingInputCatalogueTests
{
    private static readonly Lazy<string> Suite = new(CopySuite);

    private static string Shipped => File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "training", "hard_braking_detector.yaml")).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("unknown field", "seed: 20261201\n", "seed: 20261201\nepoch: 5\n", 23, 1, "unknown field 'epoch' (known: id, version, task, description, train_scenes, validation_scenes, candidates, output, seed, epochs, learning_rate, hidden, batch_size, weight_decay)")]
    [InlineData("missing seed", "seed: 20261201\n", "", 3, 1, "field 'seed' is required")]
    [InlineData("seed not a number", "seed: 20261201", "seed: twelve", 22, 7, "field 'seed' is 'twelve', expected a finite number >= 0")]
    [InlineData("negative epochs", "epochs: 150", "epochs: -3", 23, 9, "field 'epochs' is '-3', expected a finite number >= 1")]
    [InlineData("infinite learning rate", "learning_rate: 0.002", "learning_rate: 1e400", 24, 16, "field 'learning_rate' is '1e400', expected a finite number >= 1E-09")]
    [InlineData("zero batch size", "batch_size: 128", "batch_size: 0", 26, 13, "field 'batch_size' is '0', expected a finite number >= 1")]
    [InlineData("unknown task", "task: hard_braking", "task: lane_keeping", 5, 7, "field 'task' is 'lane_keeping'; use 'hard_braking', 'cut_in' or 'human_likeness'")]
    [InlineData("version not SemVer", "version: 1.0.0", "version: banana", 4, 10, "field 'version' is 'banana'; write a semantic version 'major.minor.patch'")]
    [InlineData("id with capitals", "id: hard_braking_detector", "id: Hard-Braking", 3, 5, "field 'id' is 'Hard-Braking'; an evaluator id holds lower-case letters, digits and '_'")]
    [InlineData("task a list", "task: hard_braking", "task: [hard_braking]", 5, 7, "field 'task' must be text")]
    [InlineData("scenes a scalar", "validation_scenes:\n  - ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet\n  - ../logs/ngsim-bsd/USA_US101-3_3_T-1.scene.parquet\n  - ../logs/ngsim-gpl/USA_Peach-2_1_T-1.scene.parquet\n  - ../logs/ngsim-gpl/USA_US101-13_1_T-1.scene.parquet\n", "validation_scenes: ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet\n", 16, 20, "field 'validation_scenes' must be a non-empty list of scene files")]
    [InlineData("scene entry a mapping", "  - ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet", "  - {path: ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet}", 17, 5, "an entry of 'validation_scenes' is not a file path; write one scene file per '- ' line")]
    [InlineData("unknown log", "USA_Lanker-1_1_T-1.scene", "USA_Lanker-9_9_T-1.scene", 17, 5, "does not exist; name a canonical scene under scenarios/logs/")]
    [InlineData("bad split", "  - ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet", "  - ../logs/ngsim-bsd/USA_Lanker-1_3_T-1.scene.parquet", 17, 5, "is in both train_scenes and validation_scenes; the split is by scene")]
    [InlineData("log outside scenarios/", "  - ../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet", "  - ../../outside.scene.parquet", 17, 5, "outside the suite folder")]
    [InlineData("output outside scenarios/", "output: ../models", "output: ../../models", 21, 9, "field 'output' names '../../models', which resolves to")]
    public void Load_OneDefect_LearnedEvaluatorExceptionAtFileLineColumn(string kind, string find, string replace, int line, int column, string problem)
    {
        Shipped.ShouldContain(find, Case.Sensitive, $"case '{kind}' no longer matches the shipped spec");
        string file = Write(kind, Shipped.Replace(find, replace, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Suite.Value, "..", "outside.scene.parquet"), "not in the suite");

        var ex = Record.Exception(() => TrainSpecLoader.Load(file));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldStartWith($"{file}:{line}:{column}: ");
        error.Message.ShouldContain(problem);
        error.Message.ShouldEndWith("; see scenarios/training/*.yaml for valid training specs.");
    }

    [Fact]
    public void Load_SceneSymlinkLeavingTheSuite_RefusedAtItsLine()
    {
        // A link inside scenarios/logs/ whose target is outside the suite is outside, whatever its name says.
        string outside = Path.Combine(Path.GetDirectoryName(Suite.Value)!, "elsewhere.scene.parquet");
        File.Copy(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_Lanker-1_1_T-1.scene.parquet"), outside, overwrite: true);
        string link = Path.Combine(Suite.Value, "logs", $"link-{Guid.NewGuid():N}.scene.parquet");
        File.CreateSymbolicLink(link, outside);
        string file = Write("symlink", Shipped.Replace("../logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet", "../logs/" + Path.GetFileName(link), StringComparison.Ordinal));

        var ex = Record.Exception(() => TrainSpecLoader.Load(file));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}:17:5: field 'validation_scenes' names '../logs/{Path.GetFileName(link)}', which resolves to '{outside}', outside the suite folder '{Suite.Value}'; reference files inside it; see scenarios/training/*.yaml for valid training specs.");
    }

    [Fact]
    public void Load_HumanLikenessWithoutCandidates_NamesTheFieldAtTheMapping()
    {
        string file = Write("human", Shipped.Replace("task: hard_braking", "task: human_likeness", StringComparison.Ordinal));

        var ex = Record.Exception(() => TrainSpecLoader.Load(file));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}:3:1: field 'candidates' is required for task 'human_likeness' (the catalog whose log-replay candidates drive the planner drives); see scenarios/training/*.yaml for valid training specs.");
    }

    [Fact]
    public void Load_TheShippedSpecInTheCopiedSuite_Loads()
    {
        // The cases above differ from this spec by their one defect only.
        var spec = TrainSpecLoader.Load(Write("shipped", Shipped));

        spec.Seed.ShouldBe(20261201);
        spec.ValidationScenes.Count.ShouldBe(4);
    }

    private static string Write(string kind, string text)
    {
        string file = Path.Combine(Suite.Value, "training", $"{kind.Replace(' ', '-').Replace('/', '-')}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    private static string CopySuite()
    {
        string suite = Path.Combine(Path.GetTempPath(), "aveval-training-catalogue", Guid.NewGuid().ToString("N"), "scenarios");
        foreach (string source in Directory.GetFiles(RepoPaths.Logs, "*.scene.parquet", SearchOption.AllDirectories))
        {
            string target = Path.Combine(suite, "logs", Path.GetRelativePath(RepoPaths.Logs, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        Directory.CreateDirectory(Path.Combine(suite, "training"));
        Directory.CreateDirectory(Path.Combine(suite, "models"));
        return suite;
    }
}
