using AvEval.Analysis;
using AvEval.Cli;
using AvEval.Import;

namespace AvEval.Training.Cli;

/// <summary>The <c>aveval-train</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // First, before anything can load libtorch: libtorch and MKL read the pinned kernel settings once, at their first
        // use, so pinning later would leave the model bytes depending on this CPU (CpuReproducibility).
        CpuReproducibility.Pin();
        return TrainCommandLine.Run(args, new CliEnvironment(Console.Out, Console.Error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault()));
    }
}
