using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Evaluators;

public sealed class LearnedEvaluatorTests
{
    private static LearnedEvaluator Fresh(string id, int batchSize)
    {
        var registry = new ModelRegistry(TestModels.ModelsRoot, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null, batchSize));
        return registry.Open(id, "1");
    }

    [Fact]
    public void Evaluate_WholeRunThenOneDrive_SameResultFromCache()
    {
        using var evaluator = Fresh("hard_braking_detector", 4096);
        var drives = TestModels.HeldOutDrives;

        var all = evaluator.Evaluate(drives);
        int cached = evaluator.CachedDrives;
        var one = evaluator.Evaluate(drives[7]);

        one.Probability.ShouldBe(all[7].Probability);
        one.Windows.ShouldBe(all[7].Windows);
        evaluator.CachedDrives.ShouldBe(cached);
    }

    [Fact]
    public void Evaluate_BatchSizeOneOrLarge_SameOutputs()
    {
        using var small = Fresh("cut_in_detector", 1);
        using var large = Fresh("cut_in_detector", 65536);
        var drives = TestModels.HeldOutDrives;

        var a = small.Evaluate(drives);
        var b = large.Evaluate(drives);

        for (int i = 0; i < drives.Count; i++)
        {
            a[i].Windows.Select(w => w.Probability).ShouldBe(b[i].Windows.Select(w => w.Probability), $"drive {drives[i].Ego}");
        }
    }

    [Fact]
    public void Evaluate_WholeRunFeaturizedRunOrOneDriveAtATime_BitIdenticalProbabilities()
    {
        // Three paths to the same rows: the run featurized into one array (batches read in place), drives featurized
        // one by one (batches gathered across drives), and each drive alone in a fresh evaluator (no batching, no cache).
        var drives = TestModels.HeldOutDrives;
        using var run = Fresh("hard_braking_detector", 256);
        using var featurized = Fresh("hard_braking_detector", 256);
        var features = drives.Select(DriveWindowFeaturizer.Featurize).ToList();

        var inPlace = run.Evaluate(drives);
        var gathered = featurized.Evaluate(features);
        var alone = drives.Select(d =>
        {
            using var single = Fresh("hard_braking_detector", 256);
            return single.Evaluate(d);
        }).ToList();

        for (int i = 0; i < drives.Count; i++)
        {
            var expected = alone[i].Windows.Select(w => BitConverter.DoubleToInt64Bits(w.Probability)).ToArray();
            inPlace[i].Windows.Select(w => BitConverter.DoubleToInt64Bits(w.Probability)).ShouldBe(expected, $"drive {drives[i].Ego}, in place");
            gathered[i].Windows.Select(w => BitConverter.DoubleToInt64Bits(w.Probability)).ShouldBe(expected, $"drive {drives[i].Ego}, gathered");
            inPlace[i].Probability.ShouldBe(alone[i].Probability);
            gathered[i].Windows.Select(w => w.StartSeconds).ShouldBe(alone[i].Windows.Select(w => w.StartSeconds));
        }
    }

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_EachGetsItsOwnDrivesResult()
    {
        using var evaluator = Fresh("human_likeness", 64);
        var drives = TestModels.HeldOutDrives;
        var sequential = drives.Select(d => Fresh("human_likeness", 64).Evaluate(d).Probability).ToArray();

        var parallel = new double?[drives.Count];
        Parallel.For(0, drives.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k => parallel[k % drives.Count] = evaluator.Evaluate(drives[k % drives.Count]).Probability);

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Evaluate_DriveShorterThanAWindow_NoProbabilityAndReason()
    {
        using var evaluator = Fresh("hard_braking_detector", 4096);
        var shortDrive = TestModels.HeldOutDrives.First(d => d.EgoTrack.Length < DriveWindowFeaturizer.WindowFrames);

        var result = evaluator.Evaluate(shortDrive);

        result.Probability.ShouldBeNull();
        result.Reason.ShouldBe($"the ego track '{shortDrive.Ego}' has {shortDrive.EgoTrack.Length} frames, fewer than one window of 20 frames");
    }

    [Fact]
    public void Evaluate_NaNFeature_NamesModelDriveAndFeature()
    {
        using var evaluator = Fresh("cut_in_detector", 4096);
        var features = DriveWindowFeaturizer.Featurize(TestModels.HeldOutDrives.First(d => d.EgoTrack.Length >= 30));
        var values = (float[])features.Values.Clone();
        values[DriveWindowFeaturizer.Columns + 3] = float.NaN;
        var broken = features with { Values = values };

        var ex = Record.Exception(() => evaluator.Evaluate([broken]));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"model 'cut_in_detector@1.0.0' got feature 'ego.speed[03]' = 'NaN' for drive '{features.Drive.Ego}' of scene 'USA_US101-13_1_T-1', window 1 (t={features.WindowStartSeconds[1]:0.###} s); features must be finite: check the drive's track for missing states.");
    }

    [Fact]
    public void Evaluate_DetectorProbability_IsLargestWindowProbability()
    {
        using var evaluator = Fresh("hard_braking_detector", 4096);
        var drive = TestModels.HeldOutDrives.First(d => d.EgoTrack.Length >= 40);

        var result = evaluator.Evaluate(drive);

        result.Windows.Count.ShouldBe(((drive.EgoTrack.Length - 20) / 5) + 1);
        result.Probability.ShouldBe(result.Windows.Max(w => w.Probability));
    }

    [Fact]
    public void Analyzer_PinnedExpectation_JudgedFromTheEvaluatorsMetric()
    {
        var registry = TestModels.Registry;
        var drive = TestModels.HeldOutDrives.First(d => d.EgoTrack.Length >= 40);
        var expectation = (EvaluatorExpectation)ExpectationParser.Parse("evaluator human_likeness@1 probability >= 0.5", new SourceLocation("spec.yaml", 3, 5));
        var analyzer = registry.Resolve(expectation.Evaluator, expectation.Version);
        double probability = registry.Open("human_likeness", "1").Evaluate(drive).Probability!.Value;

        var outcome = expectation.Judge(RuleAnalysis.CreateDefault().Analyze(drive).Combine(analyzer.Analyze(drive)));

        outcome.Measured.ShouldBe(probability);
        outcome.Outcome.ShouldBe(probability >= 0.5 ? Outcome.Pass : Outcome.Fail);
        outcome.Message.ShouldStartWith($"evaluator.human_likeness@1.probability was ");
    }

    [Fact]
    public void Validator_WithRegistry_AcceptsKnownEvaluatorAndRejectsUnknownVersion()
    {
        var validator = new ScenarioSpecValidator([], [], TestModels.Registry);
        var good = ExpectationParser.Parse("evaluator cut_in_detector@1 probability < 0.5", new SourceLocation("spec.yaml", 3, 5));
        var bad = ExpectationParser.Parse("evaluator cut_in_detector@4 probability < 0.5", new SourceLocation("spec.yaml", 4, 5));
        var spec = new ScenarioSpec("s", "t", "cut_in", Severity.Blocking, [], "logs/x.scene.parquet", new Scenes.TrackId("1"), null, [good, bad], "r", "spec.yaml");

        var problems = validator.Validate(spec);

        problems.Count.ShouldBe(1);
        problems[0].Message.ShouldContain("unknown version '4' of evaluator 'cut_in_detector'");
    }
}
