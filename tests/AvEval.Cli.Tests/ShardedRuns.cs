using AvEval.Analysis;
using AvEval.Cli.Commands;
using AvEval.Import;
using AvEval.Runs;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary>
/// One small real run recorded three ways, once for all of <see cref="MergeCommandTests"/>: the hand-written and mined
/// following-distance scenarios of the shipped suite (27) for the short-gap candidate (some fail) in one process, then
/// as four shards into a store each, plus a rerun of shard 2 and a shard 1 under another seed for the refusals.
/// </summary>
public sealed class ShardedRuns : IDisposable
{
    public const string Filter = "behaviors/following_distance/*.yaml";

    public const string Candidate = "rc-2026.12.2-short-gap";

    public const int Shards = 4;

    private readonly TempFolder _folder = new();

    public ShardedRuns()
    {
        Whole = _folder.PathOf("single.duckdb");
        Run(Whole, null);
        Parts = [.. Enumerable.Range(1, Shards).Select(i => _folder.PathOf($"shard-{i}.duckdb"))];
        for (int i = 1; i <= Shards; i++)
        {
            Run(Parts[i - 1], new RunShard(i, Shards));
        }

        SecondShard2 = _folder.PathOf("shard-2-again.duckdb");
        Run(SecondShard2, new RunShard(2, Shards));
        OtherSeedShard1 = _folder.PathOf("shard-1-seed-7.duckdb");
        Run(OtherSeedShard1, new RunShard(1, Shards), seed: "7");
    }

    public static string Scenarios { get; } = Path.Combine(RepoPaths.Root, "scenarios");

    /// <summary>The single-process run's store.</summary>
    public string Whole { get; }

    /// <summary>Shard i of 4 is in <c>Parts[i - 1]</c>.</summary>
    public IReadOnlyList<string> Parts { get; }

    public string SecondShard2 { get; }

    public string OtherSeedShard1 { get; }

    public string PathOf(string name) => _folder.PathOf(name);

    public void Dispose() => _folder.Dispose();

    /// <summary>The one run of a store.</summary>
    public static (RunSummary Summary, RunManifest Manifest, IReadOnlyList<CaseRecord> Cases) Only(string store)
    {
        var opened = DuckDbResultStore.OpenExisting(store);
        var summary = opened.ListRuns().ShouldHaveSingleItem();
        return (summary, opened.GetManifest(summary.Id), opened.GetCases(summary.Id));
    }

    private static void Run(string store, RunShard? shard, string seed = "0")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault(), OpenStore: path => DuckDbResultStore.Open(path));
        var variables = new Dictionary<string, string> { ["AVEVAL_DEVICE"] = "cpu", ["AVEVAL_SEED"] = seed };

        int code = RunCommand.Execute(new RunSettings([Candidate], Scenarios, Filter, store, OutputFormat.Table) { Shard = shard }, environment, n => variables.GetValueOrDefault(n));

        code.ShouldBe(ExitCodes.FailingVerdicts, $"the short-gap candidate fails some following-distance scenarios; {output}{error}");
    }
}
