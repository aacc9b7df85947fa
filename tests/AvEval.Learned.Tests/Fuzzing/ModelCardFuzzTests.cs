using AvEval.Learned.Registry;
using AvEval.Tests.Fuzzing;

namespace AvEval.Learned.Tests.Fuzzing;

/// <summary>
/// The model-card reader (<see cref="ModelRegistry.ReadCardFile"/>, which every registry read goes through) fuzzed over
/// the three in-repo cards; every input must give a card or an AvEval error. Crashes found are kept under
/// <c>tests/fuzz-corpus/model-card/</c> and replayed.
/// </summary>
public sealed class ModelCardFuzzTests
{
    private static readonly string[] Models = ["hard_braking_detector", "cut_in_detector", "human_likeness"];

    private static byte[][] Seeds() =>
        [.. Models.Select(id => File.ReadAllBytes(Path.Combine(TestModels.ModelsRoot, id, "1.0.0", ModelRegistry.CardFile)))];

    private static void Read(byte[] bytes) => ModelRegistry.ReadCardFile("fuzzed@1.0.0", MutationFuzzer.WriteTemp(bytes, ModelRegistry.CardFile));

    [Fact]
    public void Fuzz_MutatedModelCards_GiveACardOrAnAvEvalError()
    {
        var report = MutationFuzzer.Run("model-card", Seeds(), Read, text: true);

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Corpus_EveryRegressionFile_GivesACardOrAnAvEvalError()
    {
        var failures = MutationFuzzer.Replay(Path.Combine(RepoPaths.Root, "tests", "fuzz-corpus", "model-card"), Read);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }
}
