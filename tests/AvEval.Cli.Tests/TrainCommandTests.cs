using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary>
/// Training left <c>aveval</c> for its own executable, <c>aveval-train</c> (src/AvEval.Training.Cli): <c>aveval train</c>
/// says where it went, and the CLI neither references the training library nor carries libtorch in its build output.
/// </summary>
public sealed class TrainCommandTests
{
    [Fact]
    public void Train_WithASpec_ExitCode2PointingAtTheTrainingTool()
    {
        var run = CliRun.Of("train", "scenarios/training/hard_braking_detector.yaml");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldBe("error: 'aveval train' moved into its own tool so that aveval carries no libtorch; train with 'aveval-train scenarios/training/hard_braking_detector.yaml', from the repository 'dotnet run --project src/AvEval.Training.Cli -c Release -- scenarios/training/hard_braking_detector.yaml'." + Environment.NewLine);
    }

    [Fact]
    public void Train_WithOldOptionsAndNoSpec_StillThePointerNotAUsageError()
    {
        var run = CliRun.Of("train", "--epochs", "3");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("error: 'aveval train' moved into its own tool so that aveval carries no libtorch; train with 'aveval-train 3', from the repository 'dotnet run --project src/AvEval.Training.Cli -c Release -- 3'." + Environment.NewLine);
    }

    [Fact]
    public void CliAssembly_References_NoTrainingLibraryAndNoTorchSharp()
    {
        var references = typeof(AvEvalCommandLine).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        references.ShouldNotContain("AvEval.Training");
        references.ShouldNotContain("TorchSharp");
        references.ShouldContain("AvEval.Learned");
    }

    [Fact]
    public void CliBuildOutput_HoldsNoLibtorch()
    {
        // The CLI's own output folder, built for this test run's configuration (bin/<configuration>/net10.0).
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(RepoPaths.Root, "src", "AvEval.Cli", "bin", own.Parent!.Name, own.Name);
        File.Exists(Path.Combine(output, "aveval.dll")).ShouldBeTrue($"'{output}' should hold the CLI this test project built");

        var torch = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains("torch", StringComparison.OrdinalIgnoreCase)).ToList();

        torch.ShouldBeEmpty("aveval must not carry libtorch; training is aveval-train's");
        File.ReadAllText(Path.Combine(output, "aveval.deps.json")).ShouldNotContain("libtorch", Case.Insensitive);
    }
}
