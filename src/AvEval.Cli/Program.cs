using System.CommandLine;

namespace AvEval.Cli;

/// <summary>The <c>aveval</c> entry point: builds the command tree and runs it.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("AvEval: evaluation tests for autonomous-vehicle releases.");
        return root.Parse(args).Invoke();
    }
}
