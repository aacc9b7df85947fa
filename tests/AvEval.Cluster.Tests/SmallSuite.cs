using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cluster.Tests;

/// <summary>
/// The shipped suite's 27 following-distance scenarios for the short-gap candidate (passes, warnings and blocking
/// failures), and its single-process run recorded once as the reference (Core's SuiteRunner).
/// </summary>
internal static class SmallSuite
{
    public const string Pattern = "behaviors/following_distance/*.yaml";

    public const string Candidate = "rc-2026.12.2-short-gap";

    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "scenarios");

    private static readonly Lazy<IReadOnlyList<CaseRecord>> SingleProcess = new(RunSingleProcess, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The single-process run's cases as stored.</summary>
    public static IReadOnlyList<CaseRecord> Reference => SingleProcess.Value;

    public static SuiteSettings Settings => SuiteSettings.Default with { ScenariosFolder = Folder, Candidates = [Candidate], Device = EvaluatorDevice.Cpu };

    /// <summary>A suite opened as the coordinator opens it, with its cases.</summary>
    public static (Suite Suite, IReadOnlyList<SuiteCase> Cases, IDisposable Catalog) Open()
    {
        var catalog = RegistryEvaluatorCatalog.Open(Folder, EvaluatorDevice.Cpu);
        var suite = new Suite(Folder, catalog);
        return (suite, suite.Discover(Pattern, suite.SelectCandidates([Candidate])), catalog);
    }

    public static string Json(IReadOnlyList<CaseRecord> cases) => RunJson.Serialize(cases);

    private static IReadOnlyList<CaseRecord> RunSingleProcess()
    {
        using var folder = new TempFolder();
        var (suite, cases, catalog) = Open();
        using (catalog)
        {
            var store = DuckDbResultStore.Open(folder.PathOf("single.duckdb"));
            var run = new SuiteRunner(suite).Run(cases, Settings, store);
            return store.GetCases(run.Manifest.Id);
        }
    }
}
