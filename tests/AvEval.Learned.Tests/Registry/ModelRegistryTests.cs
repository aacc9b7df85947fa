using System.Security.Cryptography;
using AvEval.Errors;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Storage;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Registry;

public sealed class ModelRegistryTests
{
    [Theory]
    [InlineData("hard_braking_detector")]
    [InlineData("cut_in_detector")]
    [InlineData("human_likeness")]
    public void InRepoModel_CardHashMatchesFileAndSizeUnderFiveMegabytes(string id)
    {
        var folder = Path.Combine(TestModels.ModelsRoot, id, "1.0.0");

        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(folder, ModelRegistry.CardFile)));
        var bytes = File.ReadAllBytes(Path.Combine(folder, card.ModelFile));

        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(card.Sha256);
        bytes.Length.ShouldBeLessThan(5 * 1024 * 1024);
        card.Training.TrainScenes.Select(s => s.Id).Intersect(card.Training.ValidationScenes.Select(s => s.Id)).ShouldBeEmpty();
        card.Validation.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("hard_braking_detector")]
    [InlineData("human_likeness")]
    public void InRepoModel_TrainingSceneHashes_MatchTheLogsInTheRepository(string id)
    {
        var card = TestModels.Registry.ReadCard(id, "1");

        var scenes = card.Training.TrainScenes.Concat(card.Training.ValidationScenes).ToList();

        scenes.Count.ShouldBe(12);
        foreach (var scene in scenes)
        {
            CanonicalSceneFile.Read(Path.Combine(RepoPaths.Root, scene.File)).Provenance.ContentSha256.ShouldBe(scene.ContentSha256, scene.File);
        }
    }

    [Fact]
    public void ResolveVersion_MajorPin_HighestOfThatMajor()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        Directory.CreateDirectory(Path.Combine(root, "cut_in_detector", "1.2.0"));
        Directory.CreateDirectory(Path.Combine(root, "cut_in_detector", "1.10.0"));
        Directory.CreateDirectory(Path.Combine(root, "cut_in_detector", "2.0.0"));
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var version = registry.ResolveVersion("cut_in_detector", "1");

        version.ShouldBe("1.10.0");
        registry.ResolveVersion("cut_in_detector", "1.0.0").ShouldBe("1.0.0");
    }

    [Fact]
    public void Open_UnknownEvaluator_NamesKnownOnesAndWhatToDo()
    {
        var registry = TestModels.Registry;

        var ex = Record.Exception(() => registry.Open("lane_keeper", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"unknown evaluator 'lane_keeper': {registry.Root} has no folder of that name (known: 'cut_in_detector', 'hard_braking_detector', 'human_likeness'); fix the id or train the model with 'aveval-train'.");
    }

    [Fact]
    public void Open_UnknownVersion_NamesAvailableVersions()
    {
        var registry = TestModels.Registry;

        var ex = Record.Exception(() => registry.Open("cut_in_detector", "3"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Model.ShouldBe("cut_in_detector@3");
        error.Message.ShouldBe($"unknown version '3' of evaluator 'cut_in_detector' in {registry.Root} (available: '1.0.0'); pin one of those versions.");
    }

    [Fact]
    public void Problem_KnownEvaluatorAndOutput_IsNull()
    {
        var problem = TestModels.Registry.Problem("hard_braking_detector", "1", "probability");

        problem.ShouldBeNull();
    }

    [Fact]
    public void Problem_UnknownOutput_NamesTheOutputsItHas()
    {
        var problem = TestModels.Registry.Problem("hard_braking_detector", "1", "score");

        problem.ShouldBe("evaluator 'hard_braking_detector@1.0.0' has no output 'score' (it has 'probability'); compare one of those.");
    }

    [Fact]
    public void Open_HashMismatch_NamesModelFileAndWhatToDo()
    {
        var root = TestModels.CopyToTemporaryRegistry("hard_braking_detector");
        var file = Path.Combine(root, "hard_braking_detector", "1.0.0", "model.onnx");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
        var expected = registry.ReadCard("hard_braking_detector", "1").Sha256;

        var ex = Record.Exception(() => registry.Open("hard_braking_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}: model 'hard_braking_detector@1.0.0' has SHA-256 '{Convert.ToHexStringLower(SHA256.HashData(bytes))}' but its card pins '{expected}'; the file was altered or replaced: restore it from version control, or retrain with 'aveval-train', which writes both together.");
    }

    [Fact]
    public void Open_MissingModelFile_SaysRestoreOrRetrain()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var file = Path.Combine(root, "cut_in_detector", "1.0.0", "model.onnx");
        File.Delete(file);
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var ex = Record.Exception(() => registry.Open("cut_in_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}: the file of model 'cut_in_detector@1.0.0' is missing; restore it from version control or retrain the model with 'aveval-train'.");
    }

    [Fact]
    public void Open_CorruptModelWithMatchingHash_OnnxRuntimeErrorNamesModel()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var folder = Path.Combine(root, "cut_in_detector", "1.0.0");
        var garbage = "this is not an ONNX model"u8.ToArray();
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), garbage);
        var cardFile = Path.Combine(folder, ModelRegistry.CardFile);
        var card = ModelCardJson.Read(File.ReadAllText(cardFile)) with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(garbage)) };
        File.WriteAllText(cardFile, ModelCardJson.Write(card));
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var ex = Record.Exception(() => registry.Open("cut_in_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldStartWith($"{Path.Combine(folder, "model.onnx")}: ONNX Runtime cannot load model 'cut_in_detector@1.0.0' (");
        error.Message.ShouldEndWith("); restore the file from version control or retrain the model with 'aveval-train'.");
    }

    [Fact]
    public void ReadCard_CorruptCard_NamesCardFile()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var cardFile = Path.Combine(root, "cut_in_detector", "1.0.0", ModelRegistry.CardFile);
        File.WriteAllText(cardFile, "{ \"id\": ");
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var ex = Record.Exception(() => registry.ReadCard("cut_in_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldStartWith($"{cardFile}: the model card of 'cut_in_detector@1.0.0' is not valid (");
    }

    [Fact]
    public void Open_CardDescribesFewerFeaturesThanGraph_SignatureError()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var folder = Path.Combine(root, "cut_in_detector", "1.0.0");
        var cardFile = Path.Combine(folder, ModelRegistry.CardFile);
        var card = ModelCardJson.Read(File.ReadAllText(cardFile));
        File.WriteAllText(cardFile, ModelCardJson.Write(card with { Inputs = [card.Inputs[0] with { Shape = [-1, 100] }] }));
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var ex = Record.Exception(() => registry.Open("cut_in_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{Path.Combine(folder, "model.onnx")}: model 'cut_in_detector@1.0.0' takes input 'features' [batch, 127], but its card describes 'features' [batch, 100] with 127 features; the model and its card disagree: retrain with 'aveval-train' so that both are written from one run.");
    }

    [Fact]
    public void Open_CardInputShapeEmpty_SignatureErrorNotIndexError()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var folder = Path.Combine(root, "cut_in_detector", "1.0.0");
        var cardFile = Path.Combine(folder, ModelRegistry.CardFile);
        var card = ModelCardJson.Read(File.ReadAllText(cardFile));
        File.WriteAllText(cardFile, ModelCardJson.Write(card with { Inputs = [card.Inputs[0] with { Shape = [] }] }));
        var registry = new ModelRegistry(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var ex = Record.Exception(() => registry.Open("cut_in_detector", "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{Path.Combine(folder, "model.onnx")}: model 'cut_in_detector@1.0.0' takes input 'features' [batch, 127], but its card describes 'features' of shape [] instead of [batch, columns]; the model and its card disagree: retrain with 'aveval-train' so that both are written from one run.");
    }

    [Fact]
    public void Open_ConcurrentCallsForOneModel_ShareOneEvaluator()
    {
        var registry = new ModelRegistry(TestModels.ModelsRoot, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
        var opened = new LearnedEvaluator[8];

        Parallel.For(0, opened.Length, new ParallelOptions { MaxDegreeOfParallelism = opened.Length }, i => opened[i] = registry.Open("cut_in_detector", i % 2 == 0 ? "1" : "1.0.0"));

        opened.Distinct().Count().ShouldBe(1);
        registry.Dispose();
    }
}
