using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Tracking.Internal;
using DuckDB.NET.Data;

namespace AvEval.Tracking;

/// <summary>
/// The results store: every run in one embedded DuckDB file (default <see cref="ResultStorePath.Default"/>), with its
/// manifest, cases, expectation verdicts, metrics, events and learned-evaluator outputs.
/// </summary>
/// <remarks>
/// DuckDB lets one process at a time open a file for writing. A call opens the file, does its work in one transaction
/// and closes it, under an exclusive lock file beside the store (<c>&lt;store&gt;.lock</c>) taken with bounded, backed-off
/// retries, so several processes may record into one store at once and lose nothing; a reader waits its turn the same
/// way. From <see cref="Begin"/> to <see cref="Finish"/> of a run it began, an instance keeps the file open between its
/// calls and hands it over within about 50 ms when another process or instance waits. Each call is durable when it returns: a process killed afterwards leaves what it recorded readable and
/// its run <see cref="RunStatus.Running"/>, which readers report as incomplete. Times are stored in UTC at microseconds.
/// </remarks>
public sealed class DuckDbResultStore : IRunRecorder
{
    /// <summary>The default bound on waiting for the lock: long enough for other processes' batches, short enough to report a stuck holder.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(2);

    private static readonly string[] ExportTables = ["runs", "manifest_contents", "candidates", "evaluators", "cases", "expectations", "metric_definitions", "metrics", "events", "learned_outputs"];

    private readonly StoreSession _session;
    private readonly HashSet<RunId> _holding = [];
    private readonly Dictionary<RunId, (CaseWriter Writer, int Epoch)> _writers = [];

    private DuckDbResultStore(string path, TimeSpan lockTimeout)
    {
        Path = path;
        _session = new StoreSession(path, lockTimeout, Connect);
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>The schema version this build writes; an older file is migrated when opened, a newer one refused.</summary>
    public static int SchemaVersion => StoreSchema.CurrentVersion;

    /// <summary>
    /// Opens the store at <paramref name="path"/> for recording, creating the file (and its folder) when absent and
    /// migrating an older schema. Throws <see cref="ResultStoreException"/> for a damaged, foreign or newer file.
    /// </summary>
    public static DuckDbResultStore Open(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var store = new DuckDbResultStore(path, lockTimeout ?? DefaultLockTimeout);
        store.Use(_ => 0);
        return store;
    }

    /// <summary>Opens an existing store for reading (migrating an older schema); a missing file is <see cref="ResultStoreException.Missing"/>.</summary>
    public static DuckDbResultStore OpenExisting(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw ResultStoreException.Missing(path);
        }

        return Open(path, lockTimeout);
    }

    /// <inheritdoc/>
    public void Begin(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            if (FindStatus(connection, manifest.Id) is not null)
            {
                throw ResultStoreException.DuplicateRun(Path, manifest.Id.Value);
            }

            using (var appender = connection.CreateAppender("runs"))
            {
                appender.CreateRow()
                    .AppendValue(manifest.Id.Value).AppendValue(StoreText.Of(RunStatus.Running)).AppendValue(StoreText.Utc(manifest.StartedAt))
                    .AppendNullValue().AppendValue(manifest.SuiteRoot).AppendValue(manifest.SuiteSha256).AppendValue(manifest.Code.Commit)
                    .AppendValue(manifest.Code.Dirty).AppendValue(manifest.Seed).AppendValue(RunJson.Serialize(manifest))
                    .EndRow();
            }

            using (var appender = connection.CreateAppender("manifest_contents"))
            {
                foreach (var file in manifest.Contents)
                {
                    appender.CreateRow().AppendValue(manifest.Id.Value).AppendValue(file.Path).AppendValue(file.Sha256).EndRow();
                }
            }

            using (var appender = connection.CreateAppender("candidates"))
            {
                for (int i = 0; i < manifest.Candidates.Count; i++)
                {
                    var c = manifest.Candidates[i];
                    appender.CreateRow().AppendValue(manifest.Id.Value).AppendValue(i).AppendValue(c.Id).AppendValue(c.Fingerprint).AppendValue(c.Description).EndRow();
                }
            }

            using (var appender = connection.CreateAppender("evaluators"))
            {
                foreach (var e in manifest.Evaluators)
                {
                    appender.CreateRow().AppendValue(manifest.Id.Value).AppendValue(e.Id).AppendValue(e.Version).AppendValue(e.Sha256).AppendValue(e.Device).EndRow();
                }
            }

            transaction.Commit();
            return 0;
        });
        Hold(manifest.Id);
    }

    /// <inheritdoc/>
    public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            return;
        }

        Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            RequireRunning(connection, run);
            var writer = WriterFor(connection, run);
            try
            {
                writer.Write(connection, cases);
                transaction.Commit();
            }
            catch
            {
                // The writer's keys and codes may now be ahead of the store: read them again next time.
                ForgetWriter(run);
                throw;
            }

            return 0;
        });
    }

    /// <inheritdoc/>
    public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt)
    {
        if (status == RunStatus.Running)
        {
            throw new ArgumentException("A run finishes as complete, failed or cancelled, not running.", nameof(status));
        }

        Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            RequireRunning(connection, run);
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE runs SET status = $status, ended_utc = $ended WHERE run_id = $run";
            command.Parameters.Add(new DuckDBParameter("status", StoreText.Of(status)));
            command.Parameters.Add(new DuckDBParameter("ended", StoreText.Utc(endedAt)));
            command.Parameters.Add(new DuckDBParameter("run", run.Value));
            command.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
        Release(run);
    }

    /// <summary>
    /// The writer of a run (under the session's lock): kept while this instance holds the file for a run it began and
    /// nothing else can have written it since it was read; otherwise read afresh.
    /// </summary>
    private CaseWriter WriterFor(DuckDBConnection connection, RunId run)
    {
        lock (_holding)
        {
            if (_writers.TryGetValue(run, out var kept) && kept.Epoch == _session.Epoch)
            {
                return kept.Writer;
            }
        }

        var writer = CaseWriter.Load(connection, run);
        lock (_holding)
        {
            if (_holding.Contains(run))
            {
                _writers[run] = (writer, _session.Epoch);
            }
        }

        return writer;
    }

    private void ForgetWriter(RunId run)
    {
        lock (_holding)
        {
            _writers.Remove(run);
        }
    }

    /// <summary>Keeps the store open between this instance's writes of a run it began, until the run finishes (<see cref="StoreSession"/>).</summary>
    private void Hold(RunId run)
    {
        lock (_holding)
        {
            if (_holding.Add(run))
            {
                _session.Hold();
            }
        }
    }

    private void Release(RunId run)
    {
        lock (_holding)
        {
            if (_holding.Remove(run))
            {
                _writers.Remove(run);
                _session.Release();
            }
        }
    }

    /// <summary>Every run, oldest first (by start, then id); a run still <see cref="RunStatus.Running"/> (or killed) is listed as such, with no end.</summary>
    public IReadOnlyList<RunSummary> ListRuns() => Use(connection => Summaries(connection, null));

    /// <summary>One run's summary; an unknown id is <see cref="ResultStoreException.UnknownRun"/>.</summary>
    public RunSummary GetRun(RunId run) => Use(connection => Summaries(connection, run).SingleOrDefault()) ?? throw ResultStoreException.UnknownRun(Path, run.Value);

    /// <summary>The manifest a run was begun with; an unknown id is <see cref="ResultStoreException.UnknownRun"/>.</summary>
    public RunManifest GetManifest(RunId run)
    {
        string? json = Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT manifest_json FROM runs WHERE run_id = $run";
            command.Parameters.Add(new DuckDBParameter("run", run.Value));
            return command.ExecuteScalar() as string;
        });
        return json is null
            ? throw ResultStoreException.UnknownRun(Path, run.Value)
            : JsonSerializer.Deserialize(json, RunJson.Default.RunManifest) ?? throw ResultStoreException.Unreadable(Path, $"run '{run.Value}' has an empty manifest");
    }

    /// <summary>A run's cases in the order they were recorded (a re-recorded key at its latest place); an unknown id is <see cref="ResultStoreException.UnknownRun"/>.</summary>
    public IReadOnlyList<CaseRecord> GetCases(RunId run) => Use(connection =>
    {
        if (FindStatus(connection, run) is null)
        {
            throw ResultStoreException.UnknownRun(Path, run.Value);
        }

        return CaseReader.Read(connection, run);
    });

    /// <summary>The latest (by start) <see cref="RunStatus.Complete"/> run that ran <paramref name="candidate"/>, or null when there is none; running, failed and cancelled runs never count.</summary>
    public RunId? LatestCompleteRun(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.run_id FROM runs r
                WHERE r.status = 'complete' AND EXISTS (SELECT 1 FROM candidates c WHERE c.run_id = r.run_id AND c.candidate = $candidate)
                ORDER BY r.started_utc DESC, r.run_id DESC LIMIT 1
                """;
            command.Parameters.Add(new DuckDBParameter("candidate", candidate));
            return command.ExecuteScalar() is string id ? new RunId(id) : (RunId?)null;
        });
    }

    /// <summary>
    /// Writes every table as Parquet partitioned by run, Hive-style: <c>&lt;out&gt;/&lt;table&gt;/run_id=&lt;id&gt;/&lt;table&gt;_0.parquet</c>
    /// (the <c>run_id</c> column is carried by the folder name). Each table's folder is replaced.
    /// </summary>
    public IReadOnlyList<ExportedTable> Export(string outFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outFolder);
        string root = System.IO.Path.GetFullPath(outFolder);
        Directory.CreateDirectory(root);
        return Use(connection =>
        {
            var tables = new List<ExportedTable>();
            foreach (string table in ExportTables)
            {
                string folder = System.IO.Path.Combine(root, table);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT count(*) FROM {table}";
                long rows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (rows > 0)
                {
                    using var copy = connection.CreateCommand();
                    copy.CommandText = $"COPY (SELECT * FROM {table}) TO {StoreText.Literal(folder)} (FORMAT PARQUET, PARTITION_BY (run_id), FILENAME_PATTERN {StoreText.Literal(table + "_{i}")})";
                    copy.ExecuteNonQuery();
                }
                else
                {
                    Directory.CreateDirectory(folder);
                }

                tables.Add(new ExportedTable(table, folder, rows));
            }

            return tables;
        });
    }

    /// <summary>Runs <paramref name="work"/> on the open, migrated store under the lock (internal: tests and benchmarks time and inspect it).</summary>
    internal T Use<T>(Func<DuckDBConnection, T> work)
    {
        try
        {
            return _session.Use(work);
        }
        catch (DuckDBException ex) when (IsDamage(ex))
        {
            throw ResultStoreException.Unreadable(Path, FirstLine(ex.Message), ex);
        }
    }

    /// <summary>Opens the file, retrying while a process that does not take the lock file (a DuckDB shell) holds DuckDB's own lock.</summary>
    internal static DuckDBConnection Connect(string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            var connection = new DuckDBConnection($"Data Source={path};threads=1;checkpoint_threshold=256MB");
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex) when (ex.Message.Contains("Could not set lock", StringComparison.Ordinal))
            {
                connection.Dispose();
                StoreLock.Backoff(path, clock, timeout, ref delay);
            }
            catch (DuckDBException ex)
            {
                connection.Dispose();
                throw ResultStoreException.Unreadable(path, FirstLine(ex.Message), ex);
            }
        }
    }

    /// <summary>Damage found while reading blocks after the open (a checksum that does not match); other errors are not the file's fault.</summary>
    private static bool IsDamage(DuckDBException ex) =>
        ex.Message.Contains("Corrupt database file", StringComparison.Ordinal) || ex.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("Serialization Error", StringComparison.Ordinal);

    private static string FirstLine(string message)
    {
        string text = message.Replace("DuckDBOpen failed: ", string.Empty, StringComparison.Ordinal).Trim();
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline].Trim();
    }

    private static List<RunSummary> Summaries(DuckDBConnection connection, RunId? only)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, status, started_utc, ended_utc, candidates, cases, failures FROM run_overview"
            + (only is null ? string.Empty : " WHERE run_id = $run") + " ORDER BY started_utc, run_id";
        if (only is { } run)
        {
            command.Parameters.Add(new DuckDBParameter("run", run.Value));
        }

        var runs = new List<RunSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new RunSummary(
                new RunId(reader.GetString(0)),
                StoreText.Status(reader.GetString(1)),
                StoreText.FromUtc(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : StoreText.FromUtc(reader.GetDateTime(3)),
                [.. (IEnumerable<string>)reader.GetValue(4)],
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return runs;
    }

    private static string? FindStatus(DuckDBConnection connection, RunId run)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM runs WHERE run_id = $run";
        command.Parameters.Add(new DuckDBParameter("run", run.Value));
        return command.ExecuteScalar() as string;
    }

    private void RequireRunning(DuckDBConnection connection, RunId run)
    {
        string status = FindStatus(connection, run) ?? throw ResultStoreException.UnknownRun(Path, run.Value);
        if (status != StoreText.Of(RunStatus.Running))
        {
            throw ResultStoreException.RunEnded(Path, run.Value, status);
        }
    }
}
