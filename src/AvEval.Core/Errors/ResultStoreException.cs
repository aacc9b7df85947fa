using System.Globalization;

namespace AvEval.Errors;

/// <summary>
/// The results store cannot be used as asked: the file is missing, is not an AvEval store, is damaged, was written by a
/// newer AvEval, stayed locked by other writers for too long, or does not hold the run asked for. The message names the
/// store file and says what to do.
/// </summary>
public sealed class ResultStoreException : AvEvalException
{
    private ResultStoreException(string store, string message, Exception? inner = null)
        : base(message, inner)
    {
        Store = store;
    }

    /// <summary>The store file at fault.</summary>
    public string Store { get; }

    /// <summary>A command that reads the store was pointed at a file that does not exist.</summary>
    public static ResultStoreException Missing(string store) =>
        new(store, $"results store '{store}' does not exist; record a run into it first ('aveval run --store {store}'), or pass the store that holds your runs with --store or AVEVAL_STORE.");

    /// <summary>The file is a DuckDB database with other tables, not an AvEval results store.</summary>
    public static ResultStoreException NotAStore(string store) =>
        new(store, $"'{store}' is a DuckDB database but not an AvEval results store (it has no schema_version table); pass a results store with --store or AVEVAL_STORE, or a path where a new one may be created.");

    /// <summary>The file cannot be opened as a DuckDB database: damaged bytes, a truncated file, or not a database at all.</summary>
    public static ResultStoreException Unreadable(string store, string problem, Exception? inner = null) =>
        new(store, $"results store '{store}' cannot be read ({problem.TrimEnd('.')}); restore it from a backup or an 'aveval export', or move it aside so that a new store is created.", inner);

    /// <summary>The file's schema is newer than the one this build knows.</summary>
    public static ResultStoreException NewerSchema(string store, int fileVersion, int supportedVersion) =>
        new(store, string.Create(CultureInfo.InvariantCulture, $"results store '{store}' has schema version {fileVersion}, newer than version {supportedVersion} that this build of AvEval reads; update AvEval, or point --store at another file."));

    /// <summary>Other processes held the store's write lock for longer than the bounded wait.</summary>
    public static ResultStoreException Busy(string store, TimeSpan waited) =>
        new(store, string.Create(CultureInfo.InvariantCulture, $"results store '{store}' stayed locked by other processes for {waited.TotalSeconds:0.#} s; wait for them to finish (or stop a stuck one) and try again."));

    /// <summary>A run id that the store does not hold.</summary>
    public static ResultStoreException UnknownRun(string store, string run) =>
        new(store, $"results store '{store}' has no run '{run}'; list the runs it holds with 'aveval runs list --store {store}'.");

    /// <summary>A run was begun twice.</summary>
    public static ResultStoreException DuplicateRun(string store, string run) =>
        new(store, $"results store '{store}' already holds run '{run}'; begin every run with a new id (RunId.New).");

    /// <summary>Cases or an end were recorded for a run that has already ended.</summary>
    public static ResultStoreException RunEnded(string store, string run, string status) =>
        new(store, $"run '{run}' in results store '{store}' has already ended as '{status}'; record into a new run instead.");

    /// <summary>A part given to <c>aveval merge</c> holds no run of a shard (<c>aveval run --shard i/N</c>).</summary>
    public static ResultStoreException NoShardRun(string store) =>
        new(store, $"results store '{store}' holds no shard run; pass the stores that 'aveval run --shard i/N --store <file>' recorded into.");

    /// <summary>A shard given to <c>aveval merge</c> belongs to another run than the first shard.</summary>
    /// <param name="store">The part holding the shard.</param>
    /// <param name="shard">The shard, <c>i/N</c>.</param>
    /// <param name="run">Its run id.</param>
    /// <param name="field">What differs (suite hash, candidates, settings, seed, code revision, shard count).</param>
    /// <param name="value">Its value in this shard.</param>
    /// <param name="firstStore">The part holding the first shard.</param>
    /// <param name="firstShard">The first shard, <c>i/N</c>.</param>
    /// <param name="firstValue">The value in the first shard.</param>
    public static ResultStoreException ShardOfAnotherRun(string store, string shard, string run, string field, string value, string firstStore, string firstShard, string firstValue) =>
        new(store, $"shard {shard} (run '{run}' in '{store}') is not of the same run as shard {firstShard} in '{firstStore}': {field} '{value}' differs from '{firstValue}'; merge only shards run with the same suite, candidates, settings, seed, code and shard count.");

    /// <summary>One shard was given twice to <c>aveval merge</c> (two complete runs of it).</summary>
    public static ResultStoreException ShardOverlap(string store, string shard, string run, string otherStore, string otherRun) =>
        new(store, $"shard {shard} is given twice: run '{run}' in '{store}' and run '{otherRun}' in '{otherStore}'; pass each shard's complete run once.");

    /// <summary>A shard given to <c>aveval merge</c> is not complete (still running, killed, failed or cancelled).</summary>
    public static ResultStoreException ShardIncomplete(string store, string shard, string run, string status) =>
        new(store, $"shard {shard} (run '{run}' in '{store}') is '{status}', not complete; run that shard again ('aveval run --shard {shard}') and merge its complete run.");

    /// <summary>Shards of a run are missing from the parts given to <c>aveval merge</c>.</summary>
    public static ResultStoreException ShardsMissing(string store, IEnumerable<string> missing, IEnumerable<string> parts) =>
        new(store, $"shard(s) {string.Join(", ", missing)} are missing from the parts {string.Join(", ", parts.Select(p => $"'{p}'"))}; run them ('aveval run --shard i/N') and pass every shard's store.");

    /// <summary>The shards' cases do not add up to one run cut round-robin (a case twice, or sizes that do not fit).</summary>
    public static ResultStoreException ShardCasesInconsistent(string store, string shard, string problem) =>
        new(store, $"shard {shard} in '{store}' does not fit the other shards ({problem.TrimEnd('.')}); run every shard with the same suite, filter and candidates.");
}
