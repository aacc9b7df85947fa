using System.Security.Cryptography;
using AvEval.Learned.Registry;

namespace AvEval.Training.Tests;

/// <summary>
/// <c>aveval-train &lt;spec.yaml&gt;</c>, the training executable: <c>aveval</c>'s exit codes (0 trained, 2 bad input
/// including usage errors, 3 internal error), and as a real process the same model bytes as training in-process.
/// </summary>
public sealed class TrainCommandLineTests
{
    [Fact]
    public void Run_NoSpec_ExitCode2NamingTheToolsHelp()
    {
        var run = TrainToolRun.Of();

        // In-process the parser names the root after the host executable; the usage line names the tool itself.
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldStartWith("error: Required argument 'spec' missing for command: '");
        run.Error.ShouldEndWith($"error: the command line is not valid; see 'aveval-train --help' for the arguments and options.{Environment.NewLine}");
    }

    [Fact]
    public void Run_UnknownOption_ExitCode2()
    {
        var spec = TinySpec.Write("hard_braking");

        var run = TrainToolRun.Of(spec, "--epochs", "3");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: Unrecognized command or argument '--epochs'.");
        run.Error.ShouldContain("see 'aveval-train --help'");
    }

    [Fact]
    public void Run_SpecThatDoesNotExist_ExitCode2NamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "aveval-training-tests", Guid.NewGuid().ToString("N"), "nope.yaml");

        var run = TrainToolRun.Of(missing);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldBe($"error: {missing}: the file does not exist; see scenarios/training/*.yaml for valid training specs.{Environment.NewLine}");
    }

    [Fact]
    public void Run_SpecWithUnknownTask_ExitCode2AtFileLineColumn()
    {
        var spec = TinySpec.Write("lane_keeping");

        var run = TrainToolRun.Of(spec);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {spec}:3:7: ");
        run.Error.ShouldContain("field 'task' is 'lane_keeping'; use 'hard_braking', 'cut_in' or 'human_likeness'");
    }

    [Fact]
    public void Run_Help_ExitCode0ListingTheSpecArgument()
    {
        var run = TrainToolRun.Of("--help");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("<spec> [options]");
        run.Output.ShouldContain("A training spec (YAML), e.g. scenarios/training/hard_braking_detector.yaml.");
        run.Output.ShouldContain("--verbose");
    }

    [Fact]
    public void Process_NoSpec_ExitCode2AndTheUsageNamesTheTool()
    {
        var run = TrainToolRun.Process();

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldBe(
            $"error: Required argument 'spec' missing for command: 'aveval-train'.{Environment.NewLine}" +
            $"error: the command line is not valid; see 'aveval-train --help' for the arguments and options.{Environment.NewLine}");
    }

    [Fact]
    public void Run_TinySpec_ExitCode0AndTheModelTheRegistryOpens()
    {
        var spec = TinySpec.Write("cut_in", seed: 5);

        var run = TrainToolRun.Of(spec);

        run.ExitCode.ShouldBe(0, run.Error);
        var folder = Path.Combine(Path.GetDirectoryName(spec)!, "models", "tiny_cut_in", "0.1.0");
        run.Output.ShouldEndWith($"Trained tiny_cut_in@0.1.0 into {folder}.{Environment.NewLine}");
        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(folder, ModelRegistry.CardFile)));
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "model.onnx")))).ShouldBe(card.Sha256);
    }

    [Fact]
    public void Process_TinySpec_PinsAndWritesTheBytesOfPinnedInProcessTraining()
    {
        var spec = TinySpec.Write("hard_braking", seed: 3, epochs: 6);
        var inProcess = TrainingRun.Execute(TrainSpecLoader.Load(TinySpec.Write("hard_braking", seed: 3, epochs: 6)), TextWriter.Null);

        var run = TrainToolRun.Process(spec);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("kernels pinned for x86-64 reproducibility (ATEN_CPU_CAPABILITY=default, MKL_CBWR=COMPATIBLE");
        var folder = Path.Combine(Path.GetDirectoryName(spec)!, "models", "tiny_hard_braking", "0.1.0");
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "model.onnx")))).ShouldBe(inProcess.Card.Sha256);
    }

    [Fact]
    public void Process_ShippedSpecInACopyOfTheSuite_WritesTheCommittedModelBytes()
    {
        var suite = CopySuite();
        var committed = ModelCardJson.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "models", "hard_braking_detector", "1.0.0", ModelRegistry.CardFile)));

        var run = TrainToolRun.Process(Path.Combine(suite, "training", "hard_braking_detector.yaml"));

        run.ExitCode.ShouldBe(0, run.Error);
        var written = Path.Combine(suite, "models", "hard_braking_detector", "1.0.0", "model.onnx");
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(written))).ShouldBe(committed.Sha256, "aveval-train must write the committed model.onnx of scenarios/training/hard_braking_detector.yaml");
    }

    [Fact]
    public void Process_BadSpec_ExitCode2AndNoModel()
    {
        var spec = TinySpec.Write("hard_braking", extra: "epoch: 3");

        var run = TrainToolRun.Process(spec);

        run.ExitCode.ShouldBe(2, run.Output + run.Error);
        run.Error.ShouldStartWith($"error: {spec}:");
        run.Error.ShouldContain("unknown field 'epoch'");
        Directory.Exists(Path.Combine(Path.GetDirectoryName(spec)!, "models")).ShouldBeFalse();
    }

    /// <summary>The shipped training specs with the logs and candidates they read, in a temporary folder.</summary>
    private static string CopySuite()
    {
        string suite = Path.Combine(Path.GetTempPath(), "aveval-training-tests", Guid.NewGuid().ToString("N"), "scenarios");
        string source = Path.Combine(RepoPaths.Root, "scenarios");
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(source, f).StartsWith("models", StringComparison.Ordinal)))
        {
            string target = Path.Combine(suite, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(suite, "models"));
        return suite;
    }
}
