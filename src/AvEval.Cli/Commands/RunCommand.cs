using System.CommandLine;
using System.Globalization;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Tracking;
using AvEval.Suites;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval run [--candidate id[,id...]] [--suite folder] [--filter glob] [--store file] [--format table|json]</c>: runs
/// the suite outside the test host through Core's <see cref="SuiteRunner"/> (the runner <c>dotnet test</c> uses), prints a
/// summary first (pass/fail counts per behaviour, failures one line each) then every case, and records the run when a store
/// is given. Exit 0 when every blocking case passed, 1 when one failed, 2 on bad input.
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
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one aveval.run/1 document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("run", "Run the scenario suite for candidates, as dotnet test does, and print the outcomes.") { candidate, suite, filter, store, format };
        command.SetAction(parse =>
        {
            var ids = (parse.GetValue(candidate) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            return Execute(new RunSettings(ids, parse.GetValue(suite), parse.GetValue(filter), parse.GetValue(store), parse.GetValue(format)), environment, Environment.GetEnvironmentVariable);
        });
        return command;
    }

    /// <summary>Runs the verb.</summary>
    /// <param name="settings">The options.</param>
    /// <param name="environment">Where to write; the store factory.</param>
    /// <param name="variable">Reads <c>AVEVAL_*</c> variables (the process environment, or a lookup in tests).</param>
    public static int Execute(RunSettings settings, CliEnvironment environment, Func<string, string?> variable)
    {
        var suiteSettings = SuiteSettings.From(variable);
        suiteSettings = suiteSettings with
        {
            ScenariosFolder = settings.Suite ?? suiteSettings.ScenariosFolder,
            Candidates = settings.Candidates.Count > 0 ? settings.Candidates : suiteSettings.Candidates,
            // Every run is recorded: into --store, else AVEVAL_STORE, else the embedded default store (when one is configured).
            Store = settings.Store ?? suiteSettings.Store ?? (environment.OpenStore is null ? null : ResultStorePath.Default),
        };
        IRunRecorder? recorder = null;
        if (suiteSettings.Store is { } path)
        {
            string setting = settings.Store is not null ? "--store" : SuiteSettings.StoreVariable;
            recorder = environment.OpenStore is { } open ? open(path) : throw SuiteSettingsException.NoStore(setting, path);
        }

        var folder = Suite.FindFolder(suiteSettings, Directory.GetCurrentDirectory());
        using var evaluators = RegistryEvaluatorCatalog.Open(folder, suiteSettings.Device, environment.Error);
        var suite = new Suite(folder, evaluators);
        var candidates = suite.SelectCandidates(suiteSettings.Candidates, settings.Candidates.Count > 0 ? "--candidate" : SuiteSettings.CandidatesVariable);
        var cases = suite.Discover(settings.Filter ?? Suite.AllScenarios, candidates);
        var run = new SuiteRunner(suite).Run(cases, suiteSettings, recorder);
        if (settings.Format == OutputFormat.Json)
        {
            environment.Output.WriteLine(RunJson.Serialize(new RunDocument(RunJson.RunFormat, run.Manifest.Id.Value, run.Status, [.. run.Cases.Select(c => c.Record)])));
        }
        else
        {
            WriteTable(environment.Output, run, suiteSettings.Store);
        }

        return run.Passed ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    private static void WriteTable(TextWriter output, SuiteRunResult run, string? store)
    {
        var cases = run.Cases;
        int failed = cases.Count(c => c.Kind == CaseOutcomeKind.Failure);
        int warned = cases.Count(c => c.Kind == CaseOutcomeKind.Warning);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run.Manifest.Id}: {run.Status.ToString().ToLowerInvariant()}, {cases.Count} cases: {cases.Count - failed - warned} passed, {warned} passed with warnings, {failed} failed{(failed == 0 ? "" : " (blocking)")}"));
        output.WriteLine(store is null ? "stored: not recorded (no --store or AVEVAL_STORE)" : $"stored: {store}");
        output.WriteLine();
        output.WriteLine("behaviour                     pass  warn  fail");
        foreach (var group in cases.GroupBy(c => c.Case.Behavior, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,-28} {group.Count(c => c.Kind == CaseOutcomeKind.Pass),5} {group.Count(c => c.Kind == CaseOutcomeKind.Warning),5} {group.Count(c => c.Kind == CaseOutcomeKind.Failure),5}"));
        }

        if (failed > 0)
        {
            output.WriteLine();
            output.WriteLine("failures:");
            foreach (var c in cases.Where(c => c.Kind == CaseOutcomeKind.Failure))
            {
                output.WriteLine($"  {c.Case.DisplayName}: {Why(c)}");
            }
        }

        output.WriteLine();
        output.WriteLine("cases:");
        foreach (var c in cases)
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
