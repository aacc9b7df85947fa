using AvEval.Runs;
using AvEval.Tracking;

namespace AvEval.Cli.Tests;

/// <summary>
/// <c>aveval run --shard i/N</c> and <c>aveval merge</c> on a small real suite (<see cref="ShardedRuns"/>): the shards are
/// the round-robin slices of the single-process run, and the merged run's case records equal the single-process run's.
/// </summary>
public sealed class MergeCommandTests(ShardedRuns runs) : IClassFixture<ShardedRuns>
{
    private static string Json(IReadOnlyList<CaseRecord> cases) => RunJson.Serialize(cases);

    private static CliRun Merge(string target, params string[] parts) =>
        CliRun.With(path => DuckDbResultStore.Open(path), ["merge", .. parts, "--store", target]);

    [Fact]
    public void RunShard_EachShard_HoldsCasesKModNOfTheSingleRunAndTheWholeRunsSuiteHash()
    {
        var single = ShardedRuns.Only(runs.Whole);

        single.Cases.Count.ShouldBe(27, "the shipped suite has 27 following-distance scenarios");
        for (int i = 1; i <= ShardedRuns.Shards; i++)
        {
            var shard = ShardedRuns.Only(runs.Parts[i - 1]);
            shard.Summary.Status.ShouldBe(RunStatus.Complete);
            shard.Manifest.Shard.ShouldBe(new RunShard(i, ShardedRuns.Shards));
            shard.Manifest.SuiteSha256.ShouldBe(single.Manifest.SuiteSha256);
            shard.Manifest.Contents.Count.ShouldBe(single.Manifest.Contents.Count);
            var expected = single.Cases.Where((_, k) => k % ShardedRuns.Shards == i - 1).Select(c => c.Key);
            shard.Cases.Select(c => c.Key).ShouldBe(expected);
        }

        ShardedRuns.Only(runs.Parts[3]).Cases.Count.ShouldBe(6, "27 cases in 4 shards: 7, 7, 7, 6");
    }

    [Fact]
    public void RunShard_ManifestJson_CarriesTheShardAndAWholeRunDoesNot()
    {
        string shard = RunJson.Serialize(ShardedRuns.Only(runs.Parts[1]).Manifest);
        string whole = RunJson.Serialize(ShardedRuns.Only(runs.Whole).Manifest);

        shard.ShouldContain("\"shard\":{\"index\":2,\"count\":4}");
        whole.ShouldNotContain("\"shard\"");
    }

    [Fact]
    public void Merge_EveryShard_CaseRecordsEqualTheSingleProcessRun()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");
        var single = ShardedRuns.Only(runs.Whole);

        var merge = Merge(target, [.. runs.Parts.Reverse()]);

        merge.ExitCode.ShouldBe(0, merge.Error);
        var merged = ShardedRuns.Only(target);
        merged.Summary.Status.ShouldBe(RunStatus.Complete);
        merged.Manifest.Shard.ShouldBeNull();
        merged.Manifest.SuiteSha256.ShouldBe(single.Manifest.SuiteSha256);
        merged.Manifest.Candidates.Select(c => c.Fingerprint).ShouldBe(single.Manifest.Candidates.Select(c => c.Fingerprint));
        merged.Cases.Select(c => c.Key).ShouldBe(single.Cases.Select(c => c.Key));
        Json(merged.Cases).ShouldBe(Json(single.Cases));
        merged.Cases.Count(c => c.BlocksRelease).ShouldBeGreaterThan(0, "the short-gap candidate fails some scenarios");
        merge.Output.ShouldStartWith($"run {merged.Summary.Id} (rc-2026.12.2-short-gap): complete, 27 cases from 4 shards, ");
        merge.Output.ShouldContain($"  shard 4/4: run {ShardedRuns.Only(runs.Parts[3]).Summary.Id} in {runs.Parts[3]}, 6 cases");
    }

    [Fact]
    public void Merge_AShardMissing_ExitsTwoNamingTheShard()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");

        var merge = Merge(target, runs.Parts[0], runs.Parts[1], runs.Parts[3]);

        merge.ExitCode.ShouldBe(2);
        merge.Error.Trim().ShouldBe($"error: shard(s) 3/4 are missing from the parts '{runs.Parts[0]}', '{runs.Parts[1]}', '{runs.Parts[3]}'; run them ('aveval run --shard i/N') and pass every shard's store.");
        File.Exists(target).ShouldBeFalse("nothing is recorded when the merge is refused");
    }

    [Fact]
    public void Merge_AShardTwice_ExitsTwoNamingBothStores()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");
        var again = ShardedRuns.Only(runs.SecondShard2).Summary.Id;
        var first = ShardedRuns.Only(runs.Parts[1]).Summary.Id;

        var merge = Merge(target, [.. runs.Parts, runs.SecondShard2]);

        merge.ExitCode.ShouldBe(2);
        merge.Error.Trim().ShouldBe($"error: shard 2/4 is given twice: run '{again}' in '{runs.SecondShard2}' and run '{first}' in '{runs.Parts[1]}'; pass each shard's complete run once.");
    }

    [Fact]
    public void Merge_AShardOfAnotherSeed_ExitsTwoNamingTheSeed()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");
        var other = ShardedRuns.Only(runs.OtherSeedShard1).Summary.Id;

        var merge = Merge(target, runs.Parts[1], runs.Parts[2], runs.Parts[3], runs.OtherSeedShard1);

        merge.ExitCode.ShouldBe(2);
        merge.Error.Trim().ShouldBe($"error: shard 1/4 (run '{other}' in '{runs.OtherSeedShard1}') is not of the same run as shard 2/4 in '{runs.Parts[1]}': seed '7' differs from '0'; merge only shards run with the same suite, candidates, settings, seed, code and shard count.");
    }

    [Fact]
    public void Merge_AShardStillRunning_ExitsTwoSayingItIsNotComplete()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");
        string killed = runs.PathOf($"killed-{Guid.NewGuid():N}.duckdb");
        var shard3 = ShardedRuns.Only(runs.Parts[2]);
        var running = shard3.Manifest with { Id = RunId.New(shard3.Manifest.StartedAt) };
        var store = DuckDbResultStore.Open(killed);
        store.Begin(running);
        store.Record(running.Id, [.. shard3.Cases.Take(2)]); // then the process dies: no Finish

        var merge = Merge(target, runs.Parts[0], runs.Parts[1], killed, runs.Parts[3]);

        merge.ExitCode.ShouldBe(2);
        merge.Error.Trim().ShouldBe($"error: shard 3/4 (run '{running.Id}' in '{killed}') is 'running', not complete; run that shard again ('aveval run --shard 3/4') and merge its complete run.");
    }

    [Fact]
    public void Merge_AStoreWithoutShards_ExitsTwoNamingIt()
    {
        string target = runs.PathOf($"merged-{Guid.NewGuid():N}.duckdb");

        var merge = Merge(target, runs.Whole);

        merge.ExitCode.ShouldBe(2);
        merge.Error.Trim().ShouldBe($"error: results store '{runs.Whole}' holds no shard run; pass the stores that 'aveval run --shard i/N --store <file>' recorded into.");
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void RunShard_BadValue_ExitsTwoSayingTheForm(string value)
    {
        var run = CliRun.Of("run", "--suite", ShardedRuns.Scenarios, "--shard", value);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: --shard is '{value}', but it must be i/N with whole numbers 1 <= i <= N (shards are 1-based: 1/4 is the first of four); pass e.g. '--shard 1/4'.");
    }

    [Fact]
    public void RunShard_WithBaseline_ExitsTwo()
    {
        var run = CliRun.Of("run", "--suite", ShardedRuns.Scenarios, "--shard", "1/2", "--baseline", "rc-2026.12.1", "--candidate", ShardedRuns.Candidate);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --shard runs a slice of the suite, but --baseline needs every case in one run; run --baseline without --shard, or merge the shards with 'aveval merge' and compare the merged run.");
    }
}
