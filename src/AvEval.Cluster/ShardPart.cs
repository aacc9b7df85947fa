using AvEval.Runs;

namespace AvEval.Cluster;

/// <summary>One shard's complete run as <see cref="ShardMerger"/> took it.</summary>
/// <param name="Store">The part store that holds it.</param>
/// <param name="Run">The shard's run.</param>
/// <param name="Shard">Which shard.</param>
/// <param name="Cases">How many cases it holds.</param>
public sealed record ShardPart(string Store, RunId Run, RunShard Shard, int Cases);
