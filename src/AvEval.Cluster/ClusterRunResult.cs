using AvEval.Runs;

namespace AvEval.Cluster;

/// <summary>What <see cref="ClusterRunner"/> did.</summary>
/// <param name="Manifest">The run's manifest (the same as a single-process run's but for id, time and machine).</param>
/// <param name="Status">How it ended: complete, or failed when an item failed on every attempt (then the runner throws).</param>
/// <param name="Cases">The cases judged by this coordinator, in discovery order (on a resume, only those not stored before).</param>
/// <param name="Reused">Cases already stored for the run before a resume, not judged again.</param>
/// <param name="Items">The items sent to silos.</param>
/// <param name="Retries">Attempts that failed and were sent again.</param>
/// <param name="Silos">Each silo that judged items, with how many.</param>
public sealed record ClusterRunResult(RunManifest Manifest, RunStatus Status, IReadOnlyList<CaseRecord> Cases, int Reused, int Items, int Retries, IReadOnlyDictionary<string, int> Silos);
