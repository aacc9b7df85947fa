using AvEval.Analysis;
using AvEval.Import;
using AvEval.Tracking;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) =>
        AvEvalCommandLine.Run(args, new CliEnvironment(Console.Out, Console.Error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), OpenStore: path => DuckDbResultStore.Open(path), Interactive: !Console.IsOutputRedirected));
}
