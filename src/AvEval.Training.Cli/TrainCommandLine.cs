using System.CommandLine;
using AvEval.Cli;
using AvEval.Learned.Runtime;

namespace AvEval.Training.Cli;

/// <summary>
/// <c>aveval-train &lt;spec.yaml&gt;</c>: trains a learned evaluator as the spec says (TorchSharp, CPU), exports it to
/// ONNX and writes <c>model.onnx</c>, <c>model-card.json</c> and <c>metrics.json</c> into the registry folder the spec
/// names. Reproducible: the same spec and seed write the same bytes. Its own executable, so that <c>aveval</c> does not
/// carry libtorch; the exit codes are <c>aveval</c>'s (<see cref="CommandLineContract"/>): 0 trained, 2 bad input
/// (a spec that does not load, a command line that does not parse), 3 internal error.
/// </summary>
internal static class TrainCommandLine
{
    /// <summary>The executable's name, as messages show it.</summary>
    public const string ProgramName = "aveval-train";

    /// <summary>Parses and runs a command line under the exit-code contract.</summary>
    public static int Run(string[] args, CliEnvironment environment) => CommandLineContract.Run(CreateRoot(environment), ProgramName, args, environment);

    /// <summary>The command: one argument, the spec.</summary>
    public static RootCommand CreateRoot(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = new Argument<string>("spec") { Description = "A training spec (YAML), e.g. scenarios/training/hard_braking_detector.yaml." };
        var root = new RootCommand("aveval-train: train a learned evaluator on real drives and write its ONNX model, card and metrics.") { spec };
        root.SetAction(parse => Execute(parse.GetValue(spec)!, environment));
        return root;
    }

    /// <summary>Trains. The written model is evaluated on the device <c>AVEVAL_DEVICE</c> chooses (CPU fallback, logged once to standard error).</summary>
    public static int Execute(string specFile, CliEnvironment environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(specFile);
        ArgumentNullException.ThrowIfNull(environment);
        var spec = TrainSpecLoader.Load(specFile);
        var runtime = LearnedRuntime.FromEnvironment(environment.Error);
        var outcome = TrainingRun.Execute(spec, environment.Output, runtime);
        environment.Output.WriteLine($"Trained {outcome.Card.Key} into {outcome.Folder}.");
        return ExitCodes.Success;
    }
}
