using System.Globalization;
using AvEval.Cluster;
using AvEval.Errors;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval run --cluster &lt;connection&gt;</c> (the coordinator: <see cref="ClusterRunner"/>, the one writer of the
/// store) and <c>aveval run --resume &lt;run-id&gt;</c> (finishes a run a coordinator left running: across the cluster
/// with <c>--cluster</c>, else in this process), with the same summary as a single-process run.
/// </summary>
internal static class ClusterRunCommand
{
    /// <summary>How long the coordinator waits for a gateway to answer.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs or resumes.</summary>
    public static int Execute(RunSettings settings, SuiteSettings suiteSettings, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Suite.FindFolder(suiteSettings, Directory.GetCurrentDirectory());
        using var evaluators = RegistryEvaluatorCatalog.Open(folder, suiteSettings.Device, environment.Error);
        var suite = new Suite(folder, evaluators);
        string pattern = settings.Filter ?? Suite.AllScenarios;
        DuckDbResultStore? store = suiteSettings.Store is { } path ? DuckDbResultStore.Open(path) : null;
        RunManifest? resumed = null;
        IReadOnlyList<CaseRecord> kept = [];
        IReadOnlyList<string> ids = suiteSettings.Candidates;
        if (settings.Resume is { } resume)
        {
            if (store is null)
            {
                throw SuiteSettingsException.NoStore("--resume", ResultStorePath.Default);
            }

            var run = new RunId(resume);
            var summary = store.GetRun(run);
            if (summary.Status != RunStatus.Running)
            {
                throw ClusterException.CannotResume(resume, store.Path, summary.Status.ToString().ToLowerInvariant());
            }

            resumed = store.GetManifest(run);
            kept = store.GetCases(run);
            ids = settings.Candidates.Count > 0 ? settings.Candidates : resumed.Settings.TryGetValue(SuiteSettings.CandidatesVariable, out var c) ? c.Split(',') : [.. resumed.Candidates.Select(r => r.Id)];
        }

        var candidates = suite.SelectCandidates(ids, settings.Candidates.Count > 0 ? "--candidate" : SuiteSettings.CandidatesVariable);
        var cases = suite.Discover(pattern, candidates);
        ClusterRunResult result;
        if (settings.Cluster is { } text)
        {
            var address = ClusterAddress.Parse(text, "--cluster");
            var connection = ClusterConnection.ConnectAsync(address, text, ConnectTimeout).GetAwaiter().GetResult();
            try
            {
                var runner = new ClusterRunner(connection.Client) { BatchSize = settings.BatchSize ?? 8 };
                result = resumed is null
                    ? runner.RunAsync(suite, pattern, cases, suiteSettings, store).GetAwaiter().GetResult()
                    : runner.ResumeAsync(resumed, [.. kept.Select(k => k.Key)], suite, pattern, cases, store!).GetAwaiter().GetResult();
            }
            finally
            {
                connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        else
        {
            result = ResumeHere(resumed!, kept, suite, cases, store!);
        }

        var all = resumed is null ? result.Cases : store!.GetCases(result.Manifest.Id);
        Write(environment.Output, settings, result, all, suiteSettings.Store);
        return all.Any(c => c.BlocksRelease) ? ExitCodes.FailingVerdicts : ExitCodes.Success;
    }

    /// <summary>A resume without a cluster: the cases not stored are judged here, in order, and the run finished.</summary>
    private static ClusterRunResult ResumeHere(RunManifest manifest, IReadOnlyList<CaseRecord> kept, Suite suite, IReadOnlyList<SuiteCase> cases, DuckDbResultStore store)
    {
        var settings = SuiteSettings.Default with { ScenariosFolder = suite.Folder, Seed = manifest.Seed };
        var again = ManifestBuilder.Build(manifest.Id, suite, cases, settings, manifest.StartedAt);
        if (again.SuiteSha256 != manifest.SuiteSha256)
        {
            throw ClusterException.SuiteMismatch("coordinator", suite.Folder, manifest.SuiteSha256, again.SuiteSha256);
        }

        var stored = kept.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var runner = new SuiteRunner(suite);
        var judged = cases.Where(c => !stored.Contains(c.DisplayName)).Select(c => runner.Judge(c).Record).ToList();
        store.Record(manifest.Id, judged);
        store.Finish(manifest.Id, RunStatus.Complete, DateTimeOffset.UtcNow);
        return new ClusterRunResult(manifest, RunStatus.Complete, judged, kept.Count, 0, 0, new Dictionary<string, int>());
    }

    private static void Write(TextWriter output, RunSettings settings, ClusterRunResult result, IReadOnlyList<CaseRecord> cases, string? store)
    {
        if (settings.Format == OutputFormat.Json)
        {
            output.WriteLine(RunJson.Serialize(new RunDocument(RunJson.RunFormat, result.Manifest.Id.Value, result.Status, cases)));
            return;
        }

        int failed = cases.Count(c => c.BlocksRelease);
        int warned = cases.Count(c => !c.BlocksRelease && c.Message is not null);
        string candidates = string.Join(", ", result.Manifest.Candidates.Select(c => c.Id));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {result.Manifest.Id} ({candidates}): {result.Status.ToString().ToLowerInvariant()}, {cases.Count} cases: {cases.Count - failed - warned} passed, {warned} passed with warnings, {failed} failed{(failed == 0 ? "" : " (blocking)")}"));
        output.WriteLine(store is null ? "stored: not recorded (no --store or AVEVAL_STORE)" : $"stored: {store}");
        string silos = string.Join(", ", result.Silos.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster: {result.Cases.Count} cases judged in {result.Items} items, {result.Retries} retried, {result.Reused} kept from before{(silos.Length == 0 ? "" : $"; cases per silo: {silos}")}"));
        output.WriteLine();
        output.WriteLine("cases:");
        foreach (var c in cases)
        {
            string kind = c.BlocksRelease ? "FAIL" : c.Message is null ? "pass" : "warn";
            output.WriteLine($"  {kind}  {c.Key}");
        }
    }
}
