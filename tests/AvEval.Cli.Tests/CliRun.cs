using AvEval.Analysis;
using AvEval.Import;

namespace AvEval.Cli.Tests;

/// <summary>One run of <c>aveval</c> in-process, with its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault());

        int code = AvEvalCommandLine.Run(args, environment);

        return new CliRun(code, output.ToString(), error.ToString());
    }
}
