using AvEval.Runs;

namespace AvEval.Cluster;

/// <summary>What <see cref="ShardMerger.Merge"/> recorded.</summary>
/// <param name="Manifest">The merged run's manifest (a new id, no shard).</param>
/// <param name="Parts">The shards merged, in shard order.</param>
/// <param name="Cases">The merged run's cases, in the order a single process runs them.</param>
public sealed record ShardMergeResult(RunManifest Manifest, IReadOnlyList<ShardPart> Parts, IReadOnlyList<CaseRecord> Cases);
