using System.Diagnostics;
using AvEval.Analysis;
using AvEval.Cli;
using AvEval.Import;
using AvEval.Training.Cli;

namespace AvEval.Training.Tests;

/// <summary>One run of <c>aveval-train</c>: in-process (<see cref="Of"/>) or as a real process (<see cref="Process"/>).</summary>
internal sealed record TrainToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>The tool's assembly, copied beside the tests by the project reference.</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "aveval-train.dll");

    public static TrainToolRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), Path.Combine(Path.GetTempPath(), "aveval-training-tests", "logs"));

        int code = TrainCommandLine.Run(args, environment);

        return new TrainToolRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet aveval-train.dll args</c> in a fresh process, with the pinning variables of this test host removed.</summary>
    public static TrainToolRun Process(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, _) in CpuReproducibility.Settings)
        {
            // The test host pinned itself (PinAtLoad); the tool must pin on its own.
            start.Environment.Remove(name);
        }

        start.Environment.Remove(CpuReproducibility.SwitchVariable);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(TimeSpan.FromMinutes(3)).ShouldBeTrue("aveval-train did not finish in 3 minutes");
        return new TrainToolRun(process.ExitCode, stdout.Result, stderr);
    }
}
