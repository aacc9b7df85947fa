using AvEval.Analysis;
using AvEval.Cli.Commands;
using AvEval.Cli.Output;
using AvEval.Import;
using AvEval.Tests;
using Spectre.Console.Testing;

namespace AvEval.Cli.Tests;

public sealed partial class RunCommandTests
{
    /// <summary>The progress bar: drawn on an interactive terminal (Spectre's <see cref="TestConsole"/> forced interactive with ANSI), never elsewhere.</summary>
    public sealed class Progress
    {
        private const string CutIn = "behaviors/cut_in_response/*.yaml";

        private const string OneCutIn = "behaviors/cut_in_response/us101-10-1-veh-561.yaml";

        private static (int Code, string Output, string Terminal) Execute(RunSettings settings)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
            var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault());

            int code = RunCommand.Execute(settings, environment, n => CpuOnly.GetValueOrDefault(n), terminal);

            return (code, output.ToString(), terminal.Output);
        }

        [Fact]
        public void Execute_InteractiveTerminal_DrawsTheBarUpToEveryCaseAndLeavesTheOutputAsRedirected()
        {
            var (code, output, terminal) = Execute(new RunSettings([], Scenarios, CutIn, null, OutputFormat.Table));

            code.ShouldBe(ExitCodes.Success, output);
            terminal.ShouldContain("21/21 cases", customMessage: "the shipped suite has 21 cut-in scenarios; the bar ends at all of them");
            terminal.ShouldContain("done");
            terminal.ShouldContain("━", customMessage: "the bar itself is drawn");
            terminal.ShouldNotContain("run run-");
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            lines[0].ShouldMatch(@"^run run-\d{8}T\d{6}Z-[0-9a-f]{8} \(rc-2026\.12\.1\): complete, 21 cases: 21 passed, 0 passed with warnings, 0 failed$");
            output.ShouldNotContain("\u001b[");
        }

        [Fact]
        public void Execute_JsonOnAnInteractiveTerminal_DrawsNoBar()
        {
            var (code, output, terminal) = Execute(new RunSettings([], Scenarios, OneCutIn, null, OutputFormat.Json));

            code.ShouldBe(ExitCodes.Success, output);
            terminal.ShouldBeEmpty();
            output.TrimStart().ShouldStartWith("{");
        }

        [Fact]
        public void Execute_NoProgressOnAnInteractiveTerminal_DrawsNoBar()
        {
            var (code, output, terminal) = Execute(new RunSettings([], Scenarios, OneCutIn, null, OutputFormat.Table) { NoProgress = true });

            code.ShouldBe(ExitCodes.Success, output);
            terminal.ShouldBeEmpty();
            output.ShouldStartWith("run run-");
        }

        [Fact]
        public void Run_NoProgressOption_IsAccepted()
        {
            var run = CliRun.Of("run", "--suite", Scenarios, "--filter", OneCutIn, "--no-progress");

            run.ExitCode.ShouldBe(ExitCodes.Success, run.Error);
            run.Output.ShouldStartWith("run run-");
        }

        [Fact]
        public void TerminalFor_CapturedOutput_IsNull()
        {
            using var output = new StringWriter();

            var terminal = RunProgressBar.TerminalFor(output);

            terminal.ShouldBeNull();
        }
    }
}
