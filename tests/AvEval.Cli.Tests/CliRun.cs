using AvEval.Analysis;
using AvEval.Import;
using AvEval.Runs;

namespace AvEval.Cli.Tests;

/// <summary>One run of <c>aveval</c> in-process, with its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => With(null, args);

    /// <summary>A run with a results store factory, as the real <c>aveval</c> has (<c>Program</c>).</summary>
    public static CliRun With(Func<string, IRunRecorder>? openStore, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), OpenStore: openStore);

        int code = AvEvalCommandLine.Run(args, environment);

        return new CliRun(code, output.ToString(), error.ToString());
    }
}
