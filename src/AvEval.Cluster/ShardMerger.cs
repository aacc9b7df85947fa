using System.Globalization;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;

namespace AvEval.Cluster;

/// <summary>
/// <c>aveval merge</c>: combines the complete runs of every shard of one run (<c>aveval run --shard i/N</c>, see
/// <see cref="RunShard"/>) into one complete run, its cases in the order a single process runs them (case <c>k</c> is
/// the <c>k div N</c>-th case of shard <c>(k mod N) + 1</c>). It refuses, naming the part and the shard: a part with no
/// shard run, shards of different runs (suite hash, candidates and fingerprints, settings, seed, code revision or shard
/// count differ; where the suite lies and which store a shard recorded into may differ), a shard given twice, a shard
/// whose only run is not complete, missing shards, and cases that do not add up to one round-robin cut. A part store
/// that holds a failed attempt and a complete rerun of a shard counts the complete one.
/// </summary>
public static class ShardMerger
{
    /// <summary>The settings that say where things lie rather than how the run behaves; shards may differ in them.</summary>
    private static readonly string[] PlaceSettings = [SuiteSettings.StoreVariable, SuiteSettings.ScenariosVariable];

    private const int RecordBatch = 1000;

    /// <summary>Merges the shards held by <paramref name="parts"/> into one complete run recorded in the store <paramref name="openTarget"/> opens.</summary>
    /// <param name="parts">The part stores, each holding one or more shard runs (a store may hold several shards).</param>
    /// <param name="openTarget">Opens the store the merged run is recorded in; called only once the shards are checked, so that a refused merge writes nothing.</param>
    /// <param name="targetPath">The target store's path, recorded as the merged run's <c>AVEVAL_STORE</c>.</param>
    /// <exception cref="ResultStoreException">A part is missing or unreadable, or the shards do not make one run.</exception>
    public static ShardMergeResult Merge(IReadOnlyList<string> parts, Func<IRunRecorder> openTarget, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(openTarget);
        ArgumentException.ThrowIfNullOrEmpty(targetPath);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Give at least one part store.", nameof(parts));
        }

        var found = new List<(string Store, RunSummary Summary, RunManifest Manifest)>();
        foreach (string part in parts.Distinct(StringComparer.Ordinal))
        {
            var store = DuckDbResultStore.OpenExisting(part);
            int before = found.Count;
            foreach (var summary in store.ListRuns())
            {
                var shardManifest = store.GetManifest(summary.Id);
                if (shardManifest.Shard is not null)
                {
                    found.Add((part, summary, shardManifest));
                }
            }

            if (found.Count == before)
            {
                throw ResultStoreException.NoShardRun(part);
            }
        }

        var first = found[0];
        foreach (var other in found.Skip(1))
        {
            EnsureSameRun(first.Store, first.Manifest, other.Store, other.Manifest);
        }

        int count = first.Manifest.Shard!.Count;
        var chosen = new (string Store, RunSummary Summary, RunManifest Manifest)?[count];
        foreach (var byShard in found.GroupBy(f => f.Manifest.Shard!.Index).OrderBy(g => g.Key))
        {
            var complete = byShard.Where(f => f.Summary.Status == RunStatus.Complete).ToList();
            if (complete.Count == 0)
            {
                var attempt = byShard.Last();
                throw ResultStoreException.ShardIncomplete(attempt.Store, attempt.Manifest.Shard!.ToString(), attempt.Summary.Id.Value, StoreStatus(attempt.Summary.Status));
            }

            if (complete.Count > 1)
            {
                throw ResultStoreException.ShardOverlap(complete[1].Store, complete[1].Manifest.Shard!.ToString(), complete[1].Summary.Id.Value, complete[0].Store, complete[0].Summary.Id.Value);
            }

            chosen[byShard.Key - 1] = complete[0];
        }

        var missing = Enumerable.Range(1, count).Where(i => chosen[i - 1] is null).Select(i => new RunShard(i, count).ToString()).ToList();
        if (missing.Count > 0)
        {
            throw ResultStoreException.ShardsMissing(parts[^1], missing, parts.Distinct(StringComparer.Ordinal));
        }

        var shards = chosen.Select(c => c!.Value).ToList();
        var cases = shards.Select(s => DuckDbResultStore.OpenExisting(s.Store).GetCases(s.Summary.Id)).ToList();
        var merged = Interleave(shards, cases);

        var startedAt = shards.Min(s => s.Manifest.StartedAt);
        var endedAt = shards.Max(s => s.Summary.EndedAt ?? s.Manifest.StartedAt);
        var settings = new SortedDictionary<string, string>(first.Manifest.Settings.ToDictionary(), StringComparer.Ordinal)
        {
            [SuiteSettings.StoreVariable] = targetPath,
        };
        var manifest = first.Manifest with { Id = RunId.New(startedAt), StartedAt = startedAt, Settings = settings, Shard = null };
        var target = openTarget();
        target.Begin(manifest);
        try
        {
            for (int i = 0; i < merged.Count; i += RecordBatch)
            {
                target.Record(manifest.Id, [.. merged.Skip(i).Take(RecordBatch)]);
            }
        }
        catch
        {
            target.Finish(manifest.Id, RunStatus.Failed, DateTimeOffset.UtcNow);
            throw;
        }

        target.Finish(manifest.Id, RunStatus.Complete, endedAt);
        var partsOut = shards.Select((s, i) => new ShardPart(s.Store, s.Summary.Id, s.Manifest.Shard!, cases[i].Count)).ToList();
        return new ShardMergeResult(manifest, partsOut, merged);
    }

    /// <summary>The single-process order: round-robin over the shards, checking that the sizes fit one cut and no key repeats.</summary>
    private static List<CaseRecord> Interleave(List<(string Store, RunSummary Summary, RunManifest Manifest)> shards, List<IReadOnlyList<CaseRecord>> cases)
    {
        int count = shards.Count;
        int total = cases.Sum(c => c.Count);
        for (int i = 0; i < count; i++)
        {
            int expected = (total - i + count - 1) / count;
            if (cases[i].Count != expected)
            {
                throw ResultStoreException.ShardCasesInconsistent(shards[i].Store, shards[i].Manifest.Shard!.ToString(), string.Create(CultureInfo.InvariantCulture, $"it holds {cases[i].Count} cases, but a run of {total} cases cut into {count} shards gives it {expected}"));
            }
        }

        var merged = new List<CaseRecord>(total);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < total; k++)
        {
            int shard = k % count;
            var record = cases[shard][k / count];
            if (keys.TryGetValue(record.Key, out int other))
            {
                throw ResultStoreException.ShardCasesInconsistent(shards[shard].Store, shards[shard].Manifest.Shard!.ToString(), $"case '{record.Key}' is also in shard {shards[other].Manifest.Shard}");
            }

            keys[record.Key] = shard;
            merged.Add(record);
        }

        return merged;
    }

    private static void EnsureSameRun(string firstStore, RunManifest first, string store, RunManifest other)
    {
        void Same(string field, string value, string firstValue)
        {
            if (!string.Equals(value, firstValue, StringComparison.Ordinal))
            {
                throw ResultStoreException.ShardOfAnotherRun(store, other.Shard!.ToString(), other.Id.Value, field, value, firstStore, first.Shard!.ToString(), firstValue);
            }
        }

        Same("shard count", other.Shard!.Count.ToString(CultureInfo.InvariantCulture), first.Shard!.Count.ToString(CultureInfo.InvariantCulture));
        Same("suite hash", other.SuiteSha256, first.SuiteSha256);
        Same("candidates", Candidates(other), Candidates(first));
        Same("seed", other.Seed.ToString(CultureInfo.InvariantCulture), first.Seed.ToString(CultureInfo.InvariantCulture));
        Same("code revision", Code(other), Code(first));
        Same("settings", Settings(other), Settings(first));
    }

    private static string Candidates(RunManifest manifest) => string.Join(", ", manifest.Candidates.Select(c => $"{c.Id} {c.Fingerprint}"));

    private static string Settings(RunManifest manifest) =>
        string.Join(", ", manifest.Settings.Where(s => !PlaceSettings.Contains(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    private static string Code(RunManifest manifest) => $"{manifest.Code.Commit ?? "(no git)"}{(manifest.Code.Dirty ? " (dirty)" : "")}";

    private static string StoreStatus(RunStatus status) => status.ToString().ToLowerInvariant();
}
