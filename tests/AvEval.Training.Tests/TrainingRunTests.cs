using System.Security.Cryptography;
using AvEval.Errors;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Training.Tests;

public sealed class TrainingRunTests
{
    [Fact]
    public void Execute_TinySpec_WritesModelCardAndMetricsThatTheRegistryLoads()
    {
        var spec = TrainSpecLoader.Load(TinySpec.Write("hard_braking"));

        var outcome = TrainingRun.Execute(spec, TextWriter.Null);

        var model = Path.Combine(outcome.Folder, "model.onnx");
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model))).ShouldBe(outcome.Card.Sha256);
        File.Exists(Path.Combine(outcome.Folder, "metrics.json")).ShouldBeTrue();
        outcome.Card.Training.TrainScenes.Single().Id.ShouldBe("USA_US101-4_1_T-1");
        outcome.Card.Training.ValidationScenes.Single().Id.ShouldBe("USA_US101-3_3_T-1");
        outcome.Card.Training.Seed.ShouldBe(7);
        outcome.Card.Validation.Keys.ShouldContain("window_kappa");
        using var registry = new ModelRegistry(spec.Output, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
        registry.Open("tiny_hard_braking", "0").Card.ShouldBe(outcome.Card, new CardComparer());
    }

    [Fact]
    public void Execute_SameSpecAndSeedTwice_IdenticalModelBytes()
    {
        var first = TrainingRun.Execute(TrainSpecLoader.Load(TinySpec.Write("cut_in", seed: 11)), TextWriter.Null);
        var second = TrainingRun.Execute(TrainSpecLoader.Load(TinySpec.Write("cut_in", seed: 11)), TextWriter.Null);
        var other = TrainingRun.Execute(TrainSpecLoader.Load(TinySpec.Write("cut_in", seed: 12)), TextWriter.Null);

        second.Card.Sha256.ShouldBe(first.Card.Sha256);
        other.Card.Sha256.ShouldNotBe(first.Card.Sha256);
    }

    [Fact]
    public void Execute_IntoAFolderWithACertifiedCard_KeepsTheCertifications()
    {
        var spec = TrainSpecLoader.Load(TinySpec.Write("hard_braking"));
        var first = TrainingRun.Execute(spec, TextWriter.Null);
        var certification = new ModelCertification(
            "hard_braking", new GoldenSetReference("hard_braking", "1", new string('a', 64), new string('b', 64)), "cohen_kappa", 0.9,
            [0.8, 0.95], 0.05, [0.03, 0.07], 0.6, 0.1, 40, 0, true, "certified", first.Card.Sha256, "bca, 2000 resamples of items, seed 0",
            new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var cardFile = Path.Combine(first.Folder, ModelRegistry.CardFile);
        File.WriteAllText(cardFile, ModelCardJson.Write(first.Card with { Certifications = [certification], FormatVersion = 2 }));

        var second = TrainingRun.Execute(spec, TextWriter.Null);

        second.Card.Sha256.ShouldBe(first.Card.Sha256);
        var written = ModelCardJson.Read(File.ReadAllText(cardFile));
        written.FormatVersion.ShouldBe(2);
        var kept = written.Certifications.ShouldNotBeNull().Single();
        kept.ModelSha256.ShouldBe(first.Card.Sha256);
        kept.Value.ShouldBe(0.9);
        kept.Ci95.ShouldBe([0.8, 0.95]);
        kept.Date.ShouldBe(certification.Date);
    }

    [Fact]
    public void Export_TorchSharpAndOnnxRuntime_AgreeWithin1e5OnRealFeatures()
    {
        var spec = TrainSpecLoader.Load(TinySpec.Write("hard_braking", epochs: 20));
        var outcome = TrainingRun.Execute(spec, TextWriter.Null);
        var scenes = spec.TrainScenes.Concat(spec.ValidationScenes).Select(AvEval.Storage.CanonicalSceneFile.Read).ToList();
        var x = DatasetBuilder.Build("hard_braking", scenes).Features();
        using var model = OnnxModel.Open(outcome.Card, Path.Combine(outcome.Folder, "model.onnx"), new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

        var torch = MlpTrainer.Predict(outcome.Weights, x);
        var onnx = model.Run(x, x.Length / DriveWindowFeaturizer.Columns, 512);

        torch.Length.ShouldBeGreaterThan(100);
        torch.Zip(onnx).Max(p => Math.Abs(p.First - p.Second)).ShouldBeLessThan(1e-5f);
    }

    [Fact]
    public void Execute_HumanLikeness_PlannerDrivesFromTheCandidateCatalog()
    {
        var catalog = Path.Combine(RepoPaths.Root, "scenarios", "candidates.yaml").Replace('\\', '/');
        var spec = TrainSpecLoader.Load(TinySpec.Write("human_likeness", extra: $"candidates: {catalog}"));

        var outcome = TrainingRun.Execute(spec, TextWriter.Null);

        // US101-3_3 has 12 vehicles; every one with >= 20 frames is one human drive plus one drive per log-replay
        // candidate of scenarios/candidates.yaml (2), so a third of the drives are human.
        outcome.Metrics["validation.drives"].ShouldBe(3 * outcome.Metrics["validation.drives_positive"]);
        outcome.Metrics.Keys.ShouldContain("validation.drive_auc");
    }

    [Fact]
    public void Load_SceneInBothSplits_SplitIsByScene()
    {
        var scene = RepoPaths.Logs.Replace('\\', '/') + "/ngsim-bsd/USA_US101-4_1_T-1.scene.parquet";
        var file = TinySpec.Write("cut_in", train: scene, validation: scene);

        var ex = Record.Exception(() => TrainSpecLoader.Load(file));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}:7:5: scene '{Path.GetFullPath(scene)}' is in both train_scenes and validation_scenes; the split is by scene; see scenarios/training/*.yaml for valid training specs.");
    }

    [Fact]
    public void Load_UnknownTask_NamesTheTasks()
    {
        var file = TinySpec.Write("lane_keeping");

        var ex = Record.Exception(() => TrainSpecLoader.Load(file));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}:3:7: field 'task' is 'lane_keeping'; use 'hard_braking', 'cut_in' or 'human_likeness'; see scenarios/training/*.yaml for valid training specs.");
    }

    [Theory]
    [InlineData("hard_braking_detector")]
    [InlineData("cut_in_detector")]
    [InlineData("human_likeness")]
    public void InRepoSpec_LoadsAndPointsAtTheInRepoModel(string id)
    {
        var spec = TrainSpecLoader.Load(Path.Combine(RepoPaths.Root, "scenarios", "training", id + ".yaml"));

        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(spec.Output, spec.Id, spec.Version, ModelRegistry.CardFile)));

        card.Training.Seed.ShouldBe(spec.Seed);
        card.Training.Command.ShouldBe($"dotnet run --project src/AvEval.Training.Cli -c Release -- scenarios/training/{id}.yaml");
        card.Training.TrainScenes.Count.ShouldBe(spec.TrainScenes.Count);
    }

    /// <summary>Cards hold dictionaries and lists: compare their JSON.</summary>
    private sealed class CardComparer : IEqualityComparer<ModelCard>
    {
        public bool Equals(ModelCard? x, ModelCard? y) => ModelCardJson.Write(x!) == ModelCardJson.Write(y!);

        public int GetHashCode(ModelCard obj) => 0;
    }
}
