using System.CommandLine;
using AvEval.Learned.Runtime;
using AvEval.Training;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval train &lt;spec.yaml&gt;</c>: trains a learned evaluator as the spec says (TorchSharp, CPU), exports it to
/// ONNX and writes <c>model.onnx</c>, <c>model-card.json</c> and <c>metrics.json</c> into the registry folder the spec
/// names. Reproducible: the same spec and seed write the same bytes.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var spec = new Argument<string>("spec") { Description = "A training spec (YAML), e.g. scenarios/training/hard_braking_detector.yaml." };
        var command = new Command("train", "Train a learned evaluator on real drives and write its ONNX model, card and metrics.") { spec };
        command.SetAction(parse => Execute(parse.GetValue(spec)!, environment));
        return command;
    }

    /// <summary>Runs the verb. The written model is evaluated on the device <c>AVEVAL_DEVICE</c> chooses (CPU fallback, logged once to standard error).</summary>
    public static int Execute(string specFile, CliEnvironment environment)
    {
        var spec = TrainSpecLoader.Load(specFile);
        var runtime = new LearnedRuntime(ExecutionDevices.FromEnvironment(), environment.Error);
        var outcome = TrainingRun.Execute(spec, environment.Output, runtime);
        environment.Output.WriteLine($"Trained {outcome.Card.Key} into {outcome.Folder}.");
        return ExitCodes.Success;
    }
}
