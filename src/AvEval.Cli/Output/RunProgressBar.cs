using AvEval.Suites;
using Spectre.Console;

namespace AvEval.Cli.Output;

/// <summary>
/// <c>aveval run</c>'s progress bar (Spectre.Console): the behaviour of the case being judged, a bar, cases done over
/// the run's cases and the time spent, redrawn in place on an interactive ANSI terminal and cleared when the run ends, so
/// that what stays on the screen is the summary, as in a redirected run.
/// </summary>
/// <param name="task">The bar's task; its maximum is the run's case count.</param>
internal sealed class RunProgressBar(ProgressTask task) : IProgress<RunProgress>
{
    /// <summary>What the bar says once every case is done.</summary>
    public const string DoneText = "done";

    /// <summary>
    /// A console over <paramref name="output"/> that can draw the bar: null unless <paramref name="output"/> is this
    /// process's standard output on a terminal that Spectre finds interactive and ANSI-capable (not redirected, not a CI
    /// log, not <c>TERM=dumb</c>).
    /// </summary>
    /// <param name="output">Where the command writes.</param>
    public static IAnsiConsole? TerminalFor(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect, Interactive = InteractionSupport.Detect });
        return console.Profile.Out.IsTerminal && console.Profile.Capabilities is { Interactive: true, Ansi: true } ? console : null;
    }

    /// <summary>
    /// Runs <paramref name="run"/> with the bar on <paramref name="terminal"/> when there is one, else without a bar.
    /// </summary>
    /// <typeparam name="T">What the run returns.</typeparam>
    /// <param name="terminal">The console to draw on (see <see cref="TerminalFor"/>); null for no bar.</param>
    /// <param name="total">The run's case count.</param>
    /// <param name="run">The run, given the bar to report to (null when there is none).</param>
    public static T Show<T>(IAnsiConsole? terminal, int total, Func<IProgress<RunProgress>?, T> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (terminal is null || total == 0)
        {
            return run(null);
        }

        return terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new CaseCountColumn(), new ElapsedTimeColumn())
            .Start(context => run(new RunProgressBar(context.AddTask("starting", maxValue: total))));
    }

    /// <inheritdoc/>
    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        task.Description = Markup.Escape(value.Current?.Behavior ?? DoneText);
        task.Value = value.Done;
    }
}
