using System.CommandLine;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval compare --baseline &lt;run|candidate&gt; --candidate &lt;run|candidate&gt; [--store file] [--format table|json|markdown]
/// [--policy file] [--seed n] [--resamples n]</c>: the paired comparison of two complete runs (<see cref="RunComparer"/>).
/// When the two runs' evaluator sets differ, it also splits each behaviour's change into driving and evaluator effects
/// (<see cref="AttributionScorer"/>). Exit 0 when it compared, 2 on bad input or a run that is not complete.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var baseline = BaselineOption();
        var candidate = CandidateOption();
        var store = RunsCommand.StoreOption();
        var format = new Option<ComparisonFormat>("--format") { Description = "table (default), json (one aveval.comparison/1 document) or markdown.", DefaultValueFactory = _ => ComparisonFormat.Table };
        var policy = new Option<string?>("--policy") { Description = "A gate policy (scenarios/gate.yaml) whose flaky_threshold marks flaky scenarios; default: none, so any flip in the history marks a scenario flaky." };
        var seed = SeedOption();
        var resamples = ResamplesOption();
        var command = new Command("compare", "Compare a candidate's run with a baseline's: per scenario transitions, per behaviour paired statistics.") { baseline, candidate, store, format, policy, seed, resamples };
        command.SetAction(parse => Execute(
            ResultStorePath.Resolve(parse.GetValue(store)),
            new RunSelector(parse.GetValue(baseline)!),
            new RunSelector(parse.GetValue(candidate)!),
            parse.GetValue(format),
            parse.GetValue(policy),
            new ComparisonOptions(Resamples: parse.GetValue(resamples), Seed: parse.GetValue(seed)),
            environment));
        return command;
    }

    /// <summary>The <c>--baseline</c> option.</summary>
    public static Option<string> BaselineOption() => new("--baseline") { Description = "The baseline: a run id, '<run-id>@<candidate>', or a candidate id (its latest complete run).", Required = true };

    /// <summary>The <c>--candidate</c> option.</summary>
    public static Option<string> CandidateOption() => new("--candidate") { Description = "The candidate under review: a run id, '<run-id>@<candidate>', or a candidate id (its latest complete run).", Required = true };

    /// <summary>The <c>--seed</c> option of the paired bootstrap.</summary>
    public static Option<int> SeedOption() => new("--seed") { Description = "Seed of the paired bootstrap of metric changes (default 0): the same seed gives the same intervals.", DefaultValueFactory = _ => 0 };

    /// <summary>The <c>--resamples</c> option of the paired bootstrap.</summary>
    public static Option<int> ResamplesOption()
    {
        var option = new Option<int>("--resamples") { Description = "Paired-bootstrap resamples per metric (default 2000).", DefaultValueFactory = _ => 2000 };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--resamples must be at least 1.");
            }
        });
        return option;
    }

    /// <summary>Compares and prints.</summary>
    public static int Execute(string storePath, RunSelector baseline, RunSelector candidate, ComparisonFormat format, string? policyFile, ComparisonOptions options, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        if (policyFile is not null)
        {
            options = ReleaseGate.OptionsFor(GatePolicyLoader.Load(policyFile), options);
        }

        var store = DuckDbResultStore.OpenExisting(storePath);
        var comparison = new RunComparer(store).Compare(baseline, candidate, options);
        comparison = comparison with { Attribution = new AttributionScorer(store, manifest => OpenEvaluators(manifest, environment)).Attribute(comparison) };
        environment.Output.Write(format switch
        {
            ComparisonFormat.Json => ComparisonJsonWriter.Write(comparison) + Environment.NewLine,
            ComparisonFormat.Markdown => ComparisonTextWriter.Markdown(comparison),
            _ => ComparisonTextWriter.Table(comparison),
        });
        return ExitCodes.Success;
    }

    /// <summary>The model registry of a run's suite folder, on the device the run's settings recorded (CPU when none).</summary>
    public static IEvaluatorCatalog OpenEvaluators(RunManifest manifest, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(environment);
        var device = SuiteSettings.ParseDevice(manifest.Settings.GetValueOrDefault(SuiteSettings.DeviceVariable, "cpu"), SuiteSettings.DeviceVariable);
        return RegistryEvaluatorCatalog.Open(manifest.SuiteRoot, device, environment.Error);
    }
}
