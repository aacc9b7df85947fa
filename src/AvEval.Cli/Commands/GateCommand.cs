using System.CommandLine;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval gate --baseline &lt;run|candidate&gt; --candidate &lt;run|candidate&gt; --policy file [--store file] [--junit file]
/// [--summary file]</c>: compares the runs and judges them by the policy (<see cref="ReleaseGate"/>); prints the decision
/// first. Exit 0 pass, 1 a blocking behaviour regressed, 2 bad input, a run that is not complete, or a blocking
/// behaviour without paired cases.
/// </summary>
internal static class GateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var baseline = CompareCommand.BaselineOption();
        var candidate = CompareCommand.CandidateOption();
        var policy = new Option<string>("--policy") { Description = "The gate policy, e.g. scenarios/gate.yaml (schema scenarios/schema/gate.schema.json).", Required = true };
        var store = RunsCommand.StoreOption();
        var junit = new Option<string?>("--junit") { Description = "Write the decision as JUnit XML to this file (one test case per blocking behaviour)." };
        var summary = new Option<string?>("--summary") { Description = "Write the Markdown summary to this file, e.g. $GITHUB_STEP_SUMMARY (appended to when it exists)." };
        var seed = CompareCommand.SeedOption();
        var resamples = CompareCommand.ResamplesOption();
        var command = new Command("gate", "Decide whether a candidate may be released against a baseline, by a gate policy; exit 1 on a regression.") { baseline, candidate, policy, store, junit, summary, seed, resamples };
        command.SetAction(parse => Execute(
            ResultStorePath.Resolve(parse.GetValue(store)),
            new RunSelector(parse.GetValue(baseline)!),
            new RunSelector(parse.GetValue(candidate)!),
            parse.GetValue(policy)!,
            parse.GetValue(junit),
            parse.GetValue(summary),
            new ComparisonOptions(Resamples: parse.GetValue(resamples), Seed: parse.GetValue(seed)),
            environment,
            TimeProvider.System));
        return command;
    }

    /// <summary>Decides, writes the files asked for, prints the summary; returns the exit code.</summary>
    public static int Execute(string storePath, RunSelector baseline, RunSelector candidate, string policyFile, string? junitFile, string? summaryFile, ComparisonOptions options, CliEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var decision = Decide(storePath, baseline, candidate, policyFile, junitFile, summaryFile, options, clock);
        WriteDecision(environment.Output, decision);
        var shortfalls = CoverageShortfalls(storePath, decision, GatePolicyLoader.Load(policyFile));
        foreach (var shortfall in shortfalls)
        {
            environment.Output.WriteLine(shortfall.Message);
        }

        environment.Output.WriteLine();
        environment.Output.Write(ComparisonTextWriter.Table(decision.Comparison));
        return decision.Passed && shortfalls.Count == 0 ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    /// <summary>The taxonomy cells under the policy's coverage minimum (none without one), as the report flags them (<see cref="CoverageGate"/>).</summary>
    public static IReadOnlyList<CoverageShortfall> CoverageShortfalls(string storePath, GateDecision decision, GatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Coverage is null)
        {
            return [];
        }

        var suiteRoot = DuckDbResultStore.OpenExisting(storePath).GetManifest(decision.Comparison.Candidate.Run).SuiteRoot;
        return CoverageGate.Shortfalls(policy.Coverage, CoverageGate.TableOf(decision.Comparison.Candidate, suiteRoot));
    }

    /// <summary>Compares the two runs, judges them by the policy, and writes the JUnit XML and the Markdown summary when asked.</summary>
    public static GateDecision Decide(string storePath, RunSelector baseline, RunSelector candidate, string policyFile, string? junitFile, string? summaryFile, ComparisonOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var policy = GatePolicyLoader.Load(policyFile);
        var comparison = new RunComparer(DuckDbResultStore.OpenExisting(storePath)).Compare(baseline, candidate, ReleaseGate.OptionsFor(policy, options));
        var decision = ReleaseGate.Decide(comparison, policy);
        if (junitFile is not null)
        {
            File.WriteAllText(junitFile, JUnitReportWriter.Write(decision, clock.GetUtcNow()));
        }

        if (summaryFile is not null)
        {
            File.AppendAllText(summaryFile, GateSummaryWriter.Write(decision));
        }

        return decision;
    }

    /// <summary>Prints the decision first, then the behaviours that decided it, the new failures and the flaky scenarios.</summary>
    public static void WriteDecision(TextWriter output, GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(decision);
        output.WriteLine(GateSummaryWriter.DecisionLine(decision));
        foreach (var v in decision.Verdicts.OrderByDescending(v => v.Regressed))
        {
            output.WriteLine($"  {v.Behavior.Behavior}: {v.Reason}");
        }

        var newFailures = decision.NewFailures;
        if (newFailures.Count > 0)
        {
            output.WriteLine("new failures in blocking behaviours:");
            foreach (var s in newFailures)
            {
                output.WriteLine($"  {s.Scenario}");
            }
        }

        foreach (var s in decision.Flaky)
        {
            output.WriteLine($"flaky (kept out of the decision): {s.Scenario}");
        }
    }
}
