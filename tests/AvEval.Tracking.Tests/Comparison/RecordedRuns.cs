using AvEval.Runs;
using AvEval.Suites;

namespace AvEval.Tracking.Tests.Comparison;

/// <summary>
/// A real results store with real runs recorded by Core's <see cref="SuiteRunner"/> (the runner of <c>aveval run</c> and
/// <c>dotnet test</c>) on the shipped suite's following-distance scenarios and real NGSIM logs, built once for the
/// comparison tests: rc-2026.12.1, then rc-2026.12.2-short-gap, then a run that was begun and never finished. Only the
/// hand-written scenarios are run (those without the <c>mined</c> tag): the tests' hand calculations are over those ten,
/// and scenarios that <c>aveval mine</c> adds later must not move them.
/// </summary>
public sealed class RecordedRuns : IDisposable
{
    public const string FollowingDistance = "behaviors/following_distance/*.yaml";

    /// <summary>The tag <c>aveval mine</c> gives the scenarios it proposes.</summary>
    public const string MinedTag = "mined";

    private readonly TempFolder _folder = new();

    public RecordedRuns()
    {
        StorePath = _folder.PathOf("aveval.duckdb");
        Store = DuckDbResultStore.Open(StorePath);
        Reference = Record(Scenarios, "rc-2026.12.1", FollowingDistance);
        ShortGap = Record(Scenarios, "rc-2026.12.2-short-gap", FollowingDistance);
        Unfinished = RunId.New(DateTimeOffset.UtcNow);
        var manifest = Store.GetManifest(ShortGap) with { Id = Unfinished, StartedAt = DateTimeOffset.UtcNow };
        Store.Begin(manifest);
        Store.Record(Unfinished, [Store.GetCases(ShortGap)[0]]);
    }

    /// <summary>The shipped suite.</summary>
    public static string Scenarios { get; } = Path.Combine(RepositoryRoot(), "scenarios");

    public string StorePath { get; }

    public DuckDbResultStore Store { get; }

    public RunId Reference { get; }

    public RunId ShortGap { get; }

    /// <summary>A run begun (as a killed process leaves it) and never finished.</summary>
    public RunId Unfinished { get; }

    /// <summary>Runs <paramref name="candidate"/> on the suite at <paramref name="suiteFolder"/> and records it into <see cref="Store"/>.</summary>
    public RunId Record(string suiteFolder, string candidate, string pattern) => Record(Store, suiteFolder, candidate, pattern);

    /// <summary>Runs a candidate through the real runner into a store.</summary>
    public static RunId Record(DuckDbResultStore store, string suiteFolder, string candidate, string pattern)
    {
        var suite = new Suite(suiteFolder, NoEvaluatorCatalog.Instance);
        var candidates = suite.SelectCandidates([candidate]);
        var settings = SuiteSettings.Default with { ScenariosFolder = suiteFolder, Candidates = [candidate], Device = EvaluatorDevice.Cpu };
        var handWritten = suite.Discover(pattern, candidates).Where(c => !c.Tags.Contains(MinedTag)).ToList();
        return new SuiteRunner(suite).Run(handWritten, settings, store).Manifest.Id;
    }

    /// <summary>The repository root: the folder above this test's output that holds AvEval.Tests.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AvEval.Tests.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No AvEval.Tests.sln above the test output; run the tests from the repository.");
    }

    public void Dispose() => _folder.Dispose();
}
