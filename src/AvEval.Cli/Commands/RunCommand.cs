using System.CommandLine;
using System.Globalization;
using AvEval.Cli.Output;
using AvEval.Judges;
using AvEval.Learned.Certification;
using AvEval.Reports;
using AvEval.Runs;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Suites;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;
using Spectre.Console;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval run [--candidate id[,id...]] [--suite folder] [--filter glob] [--store file] [--format table|json]</c>: runs
/// the suite outside the test host through Core's <see cref="SuiteRunner"/> (the runner <c>dotnet test</c> uses) with the
/// suite's judges around its learned models (<see cref="SuiteEvaluators"/>; the judges' response cache is the file of
/// <c>AVEVAL_JUDGE_CACHE</c>, none when unset), prints a
/// summary first (pass/fail counts per behaviour, failures one line each) then every case, and records the run. Exit 0
/// when every blocking case passed, 1 when one failed, 2 on bad input.
/// With <c>--baseline id</c> it answers the release question instead: one run of the baseline
/// and the candidate, recorded, compared and judged by the gate policy (<c>--policy</c>, default the suite's
/// <c>gate.yaml</c>), the decision printed first. Exit codes are then the gate's: 0 pass, 1 a blocking behaviour
/// regressed, 2 bad input or an incomplete run.
/// While the suite runs, an interactive terminal shows a progress bar (<see cref="RunProgressBar"/>: cases done over
/// the run's cases, the current behaviour), cleared when the run ends; never with <c>--format json</c>,
/// <c>--no-progress</c> or redirected output, so that logs and captured output are the summary alone.
/// With <c>--shard i/N</c> it runs one deterministic slice of the discovered cases (<see cref="RunShard"/>) as a run
/// whose manifest is the whole run's plus the shard; <c>aveval merge</c> (<see cref="MergeCommand"/>) combines the shards.
/// </summary>
internal static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var candidate = new Option<string[]>("--candidate") { Description = "Candidate ids of candidates.yaml, comma-separated or repeated; default: AVEVAL_CANDIDATES, else the first candidate that is not a human baseline.", AllowMultipleArgumentsPerToken = true };
        var suite = new Option<string?>("--suite") { Description = "The scenarios folder; default: AVEVAL_SCENARIOS, else the scenarios/ folder above the working folder." };
        var filter = new Option<string?>("--filter") { Description = "A glob of scenario files relative to the suite, e.g. behaviors/cut_in_response/*.yaml; default: every scenario (behaviors/**/*.yaml)." };
        var store = new Option<string?>("--store") { Description = "The results store to record the run into; default: AVEVAL_STORE, else the run is not recorded." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one aveval.run/1 document on standard output; not with --baseline).", DefaultValueFactory = _ => OutputFormat.Table };
        var baseline = new Option<string?>("--baseline") { Description = "Also run this candidate (e.g. the last released one) in the same run, compare the candidate with it and gate by --policy; default: no comparison (AVEVAL_BASELINE is the suite's human baseline for dotnet test, not read here)." };
        var policy = new Option<string?>("--policy") { Description = "With --baseline: the gate policy; default: gate.yaml in the suite folder." };
        var junit = new Option<string?>("--junit") { Description = "With --baseline: write the gate's decision as JUnit XML to this file." };
        var summary = new Option<string?>("--summary") { Description = "With --baseline: write the gate's Markdown summary to this file, e.g. $GITHUB_STEP_SUMMARY (appended to when it exists)." };
        var report = new Option<string?>("--report") { Description = "With --baseline: the folder to write the HTML release report into; default: report/ beside the store (reports/report/ for the default store)." };
        var noProgress = new Option<bool>("--no-progress") { Description = "No progress bar while the suite runs; default: a bar on an interactive terminal with the table format (never for json or redirected output)." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N (1-based, e.g. 2/4: case k of the discovered cases belongs to shard (k mod N)+1), for Kubernetes Indexed Jobs or Slurm arrays; the manifest is the whole run's with the shard added; combine the shards' stores with aveval merge. Not with --baseline." };
        var cluster = new Option<string?>("--cluster") { Description = "Submit the run to a cluster of worker silos (aveval silo): localhost, localhost:<primary port>, or a PostgreSQL connection string; this process coordinates and is the one writer of the store. Not with --baseline or --shard." };
        var resume = new Option<string?>("--resume") { Description = "Finish a run that a coordinator left running (it died), without judging its stored cases again: across --cluster when given, else in this process; needs --store (or AVEVAL_STORE) holding the run." };
        var batchSize = new Option<int?>("--batch-size") { Description = "With --cluster: cases per item sent to a silo (default 8)." };
        var command = new Command("run", "Run the scenario suite for candidates, as dotnet test does, and print the outcomes; with --baseline, compare and gate a release.") { candidate, suite, filter, store, format, baseline, policy, junit, summary, report, noProgress, shard, cluster, resume, batchSize };
        command.SetAction(parse =>
        {
            var ids = (parse.GetValue(candidate) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var release = new ReleaseSettings(parse.GetValue(baseline), parse.GetValue(policy), parse.GetValue(junit), parse.GetValue(summary), parse.GetValue(report));
            var settings = new RunSettings(ids, parse.GetValue(suite), parse.GetValue(filter), parse.GetValue(store), parse.GetValue(format), release) { NoProgress = parse.GetValue(noProgress), Shard = parse.GetValue(shard) is { } slice ? RunShard.Parse(slice, "--shard") : null, Cluster = parse.GetValue(cluster), Resume = parse.GetValue(resume), BatchSize = parse.GetValue(batchSize) };
            return Execute(settings, environment, Environment.GetEnvironmentVariable, environment.Interactive ? RunProgressBar.TerminalFor(environment.Output) : null);
        });
        return command;
    }

    /// <summary>Runs the verb.</summary>
    /// <param name="settings">The options.</param>
    /// <param name="environment">Where to write; the store factory.</param>
    /// <param name="variable">Reads <c>AVEVAL_*</c> variables (the process environment, or a lookup in tests).</param>
    /// <param name="terminal">
    /// The interactive terminal behind <see cref="CliEnvironment.Output"/> that the progress bar is drawn on
    /// (<see cref="RunProgressBar.TerminalFor"/>); null for none. Even with one, the bar is drawn only for the table format
    /// without <see cref="RunSettings.NoProgress"/>.
    /// </param>
    public static int Execute(RunSettings settings, CliEnvironment environment, Func<string, string?> variable, IAnsiConsole? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var suiteSettings = SuiteSettings.From(variable);
        suiteSettings = suiteSettings with
        {
            ScenariosFolder = settings.Suite ?? suiteSettings.ScenariosFolder,
            Candidates = settings.Candidates.Count > 0 ? settings.Candidates : suiteSettings.Candidates,
            // Every run is recorded: into --store, else AVEVAL_STORE, else the embedded default store (when one is configured).
            Store = settings.Store ?? suiteSettings.Store ?? (environment.OpenStore is null ? null : ResultStorePath.Default),
        };
        var bar = settings.Format == OutputFormat.Table && !settings.NoProgress ? terminal : null;
        if (settings.Shard is not null && settings.Release.Baseline is not null)
        {
            throw SuiteSettingsException.ShardWith("--shard", "--baseline");
        }

        if (settings.Cluster is not null || settings.Resume is not null)
        {
            if (settings.Release.Baseline is not null || settings.Shard is not null)
            {
                throw SuiteSettingsException.NotTogether(settings.Cluster is not null ? "--cluster" : "--resume", settings.Shard is not null ? "--shard" : "--baseline");
            }

            return ClusterRunCommand.Execute(settings, suiteSettings, environment);
        }

        return settings.Release.Baseline is { } baseline
            ? Release(settings, suiteSettings, baseline, environment, bar, variable)
            : RunOnly(settings, suiteSettings, environment, bar, variable);
    }

    private static int RunOnly(RunSettings settings, SuiteSettings suiteSettings, CliEnvironment environment, IAnsiConsole? bar, Func<string, string?> variable)
    {
        var folder = Suite.FindFolder(suiteSettings, Directory.GetCurrentDirectory());
        var recorder = OpenRecorder(settings, suiteSettings, environment);
        using var evaluators = SuiteEvaluators.Open(folder, suiteSettings.Device, environment.Error, JudgeCache(variable));
        var suite = new Suite(folder, evaluators);
        var candidates = suite.SelectCandidates(suiteSettings.Candidates, settings.Candidates.Count > 0 ? "--candidate" : SuiteSettings.CandidatesVariable);
        var cases = suite.Discover(settings.Filter ?? Suite.AllScenarios, candidates);
        SuiteRunResult run;
        if (settings.Shard is { } shard)
        {
            // The whole run's manifest (every shard has the same suite hash), the shard's cases.
            var started = DateTimeOffset.UtcNow;
            var manifest = ManifestBuilder.Build(RunId.New(started), suite, cases, suiteSettings, started) with { Shard = shard };
            var slice = shard.Select(cases);
            run = RunProgressBar.Show(bar, slice.Count, progress => new SuiteRunner(suite).RunUnder(manifest, slice, recorder, progress: progress));
        }
        else
        {
            run = RunProgressBar.Show(bar, cases.Count, progress => new SuiteRunner(suite).Run(cases, suiteSettings, recorder, progress: progress));
        }

        if (settings.Format == OutputFormat.Json)
        {
            environment.Output.WriteLine(RunJson.Serialize(new RunDocument(RunJson.RunFormat, run.Manifest.Id.Value, run.Status, [.. run.Cases.Select(c => c.Record)])));
        }
        else
        {
            WriteSummary(environment.Output, run, suiteSettings.Store);
            WriteCases(environment.Output, run);
        }

        return run.Passed ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    /// <summary>
    /// The release question: the baseline and the candidate in one recorded run (the scenes are read once for both), then
    /// the gate on that run's two sides. The decision comes first; the run's summary and the comparison follow.
    /// </summary>
    private static int Release(RunSettings settings, SuiteSettings suiteSettings, string baseline, CliEnvironment environment, IAnsiConsole? bar, Func<string, string?> variable)
    {
        const string baselineSetting = "--baseline";
        string candidateSetting = settings.Candidates.Count > 0 ? "--candidate" : SuiteSettings.CandidatesVariable;
        if (settings.Format == OutputFormat.Json)
        {
            throw ComparisonException.ReleaseAsJson(baselineSetting);
        }

        var folder = Suite.FindFolder(suiteSettings, Directory.GetCurrentDirectory());
        using var evaluators = SuiteEvaluators.Open(folder, suiteSettings.Device, environment.Error, JudgeCache(variable));
        var suite = new Suite(folder, evaluators);
        var candidates = suite.SelectCandidates(suiteSettings.Candidates, candidateSetting);
        if (candidates.Count != 1)
        {
            throw ComparisonException.ReleaseNeedsOneCandidate(candidateSetting, candidates.Select(c => c.Id.Value));
        }

        var reference = suite.SelectCandidates([baseline], baselineSetting)[0];
        if (reference.Id == candidates[0].Id)
        {
            throw ComparisonException.ReleaseAgainstItself(baselineSetting, baseline);
        }

        string policy = settings.Release.Policy ?? Path.Combine(folder, GatePolicyLoader.DefaultFile);
        GatePolicyLoader.Load(policy); // a bad policy is refused before the run, not after it
        var recorder = OpenRecorder(settings, suiteSettings, environment) ?? throw SuiteSettingsException.NoStore(baselineSetting, ResultStorePath.Default);
        string store = suiteSettings.Store!;
        var both = new[] { reference, candidates[0] };
        var cases = suite.Discover(settings.Filter ?? Suite.AllScenarios, both);
        var run = RunProgressBar.Show(bar, cases.Count, progress => new SuiteRunner(suite).Run(cases, suiteSettings with { Candidates = [.. both.Select(c => c.Id.Value)] }, recorder, progress: progress));
        var side = (ICandidate c) => new RunSelector($"{run.Manifest.Id}@{c.Id}");
        var decision = GateCommand.Decide(store, side(reference), side(candidates[0]), policy, settings.Release.Junit, settings.Release.Summary, new ComparisonOptions(Seed: suiteSettings.Seed), TimeProvider.System);

        var output = environment.Output;
        GateCommand.WriteDecision(output, decision);
        var shortfalls = GateCommand.CoverageShortfalls(store, decision, GatePolicyLoader.Load(policy));
        foreach (var shortfall in shortfalls)
        {
            output.WriteLine(shortfall.Message);
        }

        output.WriteLine();
        WriteRunLine(output, run, store);
        output.WriteLine();
        output.Write(ComparisonTextWriter.Table(decision.Comparison));
        output.WriteLine();
        output.WriteLine($"details: aveval runs show {run.Manifest.Id} --store {store}");
        output.WriteLine($"         aveval compare --baseline {side(reference)} --candidate {side(candidates[0])} --store {store} --format markdown");

        // The page a reviewer opens: the same two sides and policy, so its decision is the one printed above.
        string reportFolder = settings.Release.Report ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, ReleaseSettings.DefaultReportFolder);
        var document = new ReportBuilder(DuckDbResultStore.OpenExisting(store), health: root => new ModelCardHealthSource(root))
            .Build(side(reference), side(candidates[0]), new ReportOptions(policy, Comparison: new ComparisonOptions(Seed: suiteSettings.Seed)));
        output.WriteLine($"report:  {ReportWriter.Write(document, reportFolder)}");
        return decision.Passed && shortfalls.Count == 0 ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    /// <summary>The judges' response cache of <c>AVEVAL_JUDGE_CACHE</c>; null when unset or empty.</summary>
    private static string? JudgeCache(Func<string, string?> variable) =>
        variable(SuiteEvaluators.CacheVariable) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static IRunRecorder? OpenRecorder(RunSettings settings, SuiteSettings suiteSettings, CliEnvironment environment)
    {
        if (suiteSettings.Store is not { } path)
        {
            return null;
        }

        string setting = settings.Store is not null ? "--store" : SuiteSettings.StoreVariable;
        return environment.OpenStore is { } open ? open(path) : throw SuiteSettingsException.NoStore(setting, path);
    }

    /// <summary>The run's id, status and counts, and where it is stored.</summary>
    private static void WriteRunLine(TextWriter output, SuiteRunResult run, string? store)
    {
        var cases = run.Cases;
        int failed = cases.Count(c => c.Kind == CaseOutcomeKind.Failure);
        int warned = cases.Count(c => c.Kind == CaseOutcomeKind.Warning);
        string candidates = string.Join(", ", run.Manifest.Candidates.Select(c => c.Id));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run.Manifest.Id} ({candidates}): {run.Status.ToString().ToLowerInvariant()}, {cases.Count} cases: {cases.Count - failed - warned} passed, {warned} passed with warnings, {failed} failed{(failed == 0 ? "" : " (blocking)")}"));
        output.WriteLine(store is null ? "stored: not recorded (no --store or AVEVAL_STORE)" : $"stored: {store}");
        if (run.Manifest.Shard is { } shard)
        {
            output.WriteLine($"shard: {shard} of the run's cases; combine every shard's store with 'aveval merge <stores...> --store <file>'");
        }
    }

    private static void WriteSummary(TextWriter output, SuiteRunResult run, string? store)
    {
        var cases = run.Cases;
        WriteRunLine(output, run, store);
        output.WriteLine();
        output.WriteLine("behaviour                     pass  warn  fail");
        foreach (var group in cases.GroupBy(c => c.Case.Behavior, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,-28} {group.Count(c => c.Kind == CaseOutcomeKind.Pass),5} {group.Count(c => c.Kind == CaseOutcomeKind.Warning),5} {group.Count(c => c.Kind == CaseOutcomeKind.Failure),5}"));
        }

        if (cases.Any(c => c.Kind == CaseOutcomeKind.Failure))
        {
            output.WriteLine();
            output.WriteLine("failures:");
            foreach (var c in cases.Where(c => c.Kind == CaseOutcomeKind.Failure))
            {
                output.WriteLine($"  {c.Case.DisplayName}: {Why(c)}");
            }
        }
    }

    private static void WriteCases(TextWriter output, SuiteRunResult run)
    {
        output.WriteLine();
        output.WriteLine("cases:");
        foreach (var c in run.Cases)
        {
            string kind = c.Kind switch { CaseOutcomeKind.Pass => "pass", CaseOutcomeKind.Warning => "warn", _ => "FAIL" };
            output.WriteLine($"  {kind}  {c.Case.DisplayName}");
        }
    }

    /// <summary>What failed, in one line: the first expectation that did not pass and its message, else the failure's first line (bad input, an uncertified evaluator).</summary>
    private static string Why(CaseOutcome outcome)
    {
        var blocking = outcome.Result is not null && outcome.Result.Verdict.BlocksRelease;
        var first = outcome.Record.Expectations.FirstOrDefault(e => e.Outcome != Scenarios.Outcome.Pass);
        return blocking && first is not null
            ? $"{first.Outcome.ToString().ToLowerInvariant()}: '{first.Text}': {FirstLine(first.Message)}"
            : FirstLine(outcome.Failure);
    }

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n', 2)[0].TrimEnd('\r');
}
