using System.CommandLine;
using AvEval.Learned.Certification;
using AvEval.Reports;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval report [--store file] [--baseline &lt;run|candidate&gt;] [--candidate &lt;run|candidate&gt;] [--policy file]
/// [--trend n] --out &lt;folder&gt;</c>: writes the static HTML release report (<see cref="ReportBuilder"/>,
/// <see cref="ReportWriter"/>), with the evaluator health of the candidate run's suite (<see cref="ModelCardHealthSource"/>), and prints the path of its page. Without --candidate the report is of the latest complete
/// run's candidate, without --baseline against the candidate before it. Exit 0 when written, 2 on bad input (an unknown
/// run or candidate, a run that is not complete, a store with nothing to compare).
/// </summary>
internal static class ReportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var store = RunsCommand.StoreOption();
        var baseline = new Option<string?>("--baseline") { Description = "The baseline: a run id, '<run-id>@<candidate>', or a candidate id (its latest complete run). Default: the candidate before the one under review." };
        var candidate = new Option<string?>("--candidate") { Description = "The candidate under review, written the same way. Default: the candidate of the latest complete run." };
        var policy = new Option<string?>("--policy") { Description = "The gate policy whose decision the report shows; default: gate.yaml in the candidate run's suite folder, when there is one." };
        var trend = new Option<int>("--trend") { Description = "How many candidates the trend and the scenario list show at most (default 20).", DefaultValueFactory = _ => 20 };
        trend.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--trend must be at least 2.");
            }
        });
        var output = new Option<string>("--out") { Description = "The folder to write the report into (index.html and its files).", Required = true };
        var command = new Command("report", "Write the static HTML release report from the results store: overview, trends, scenario drill-down, evaluator health and coverage.") { store, baseline, candidate, policy, trend, output };
        command.SetAction(parse => Execute(
            ResultStorePath.Resolve(parse.GetValue(store)),
            parse.GetValue(baseline) is { } b ? new RunSelector(b) : null,
            parse.GetValue(candidate) is { } c ? new RunSelector(c) : null,
            new ReportOptions(parse.GetValue(policy), parse.GetValue(trend)),
            parse.GetValue(output)!,
            environment));
        return command;
    }

    /// <summary>Builds and writes the report; prints the page's path.</summary>
    public static int Execute(string storePath, RunSelector? baseline, RunSelector? candidate, ReportOptions options, string outFolder, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var document = new ReportBuilder(DuckDbResultStore.OpenExisting(storePath), health: suite => new ModelCardHealthSource(suite)).Build(baseline, candidate, options);
        string index = ReportWriter.Write(document, outFolder);
        environment.Output.WriteLine($"report of {document.Candidate.Candidate} (run {document.Candidate.Run}) vs {document.Baseline.Candidate} (run {document.Baseline.Run}): {index}");
        return ExitCodes.Success;
    }
}
