namespace AvEval.Runs;

/// <summary>Everything needed to reproduce a run, recorded when it starts.</summary>
/// <param name="Id">The run.</param>
/// <param name="SuiteRoot">The suite's scenarios folder, as an absolute path on the machine that ran it.</param>
/// <param name="SuiteSha256">SHA-256 over <paramref name="Contents"/> (path and hash of each, in ordinal path order).</param>
/// <param name="Contents">Every file the run read from the suite (scenario files, logs, model cards and files, golden sets, candidates.yaml), relative to <paramref name="SuiteRoot"/> with '/' separators.</param>
/// <param name="Candidates">The candidates run.</param>
/// <param name="Code">The code revision of AvEval and the suite.</param>
/// <param name="Evaluators">The learned evaluators (and judges) the run used, with their hashes.</param>
/// <param name="Settings">The effective settings (<c>AVEVAL_*</c> names to values).</param>
/// <param name="Seed">The seed of every random choice in the run.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="StartedAt">When it started (wall time).</param>
/// <param name="Shard">
/// For a shard of a run cut for a batch scheduler (<c>aveval run --shard i/N</c>): which shard. The rest of the manifest is
/// the whole run's (built over every case, so that every shard has the same suite hash); the run holds only the shard's
/// cases. Null (and left out of the JSON) for a whole run.
/// </param>
public sealed record RunManifest(
    RunId Id,
    string SuiteRoot,
    string SuiteSha256,
    IReadOnlyList<ContentHash> Contents,
    IReadOnlyList<CandidateRecord> Candidates,
    CodeRevision Code,
    IReadOnlyList<EvaluatorRecord> Evaluators,
    IReadOnlyDictionary<string, string> Settings,
    int Seed,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RunShard? Shard = null);
