using System.Globalization;
using AvEval.Errors;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>
/// The store's schema: a <c>schema_version</c> table holding one row, and the ordered migration steps that bring a file
/// from any older version to <see cref="CurrentVersion"/>, all in one transaction (a failed step leaves the file as it was).
/// </summary>
internal static class StoreSchema
{
    /// <summary>The migration steps: step i brings version i to version i + 1.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // Version 1: the tables. A case is keyed by (run_id, case_key); its rows in the child tables carry the same key.
        """
        CREATE TABLE runs (
            run_id VARCHAR NOT NULL PRIMARY KEY,
            status VARCHAR NOT NULL,
            started_utc TIMESTAMP NOT NULL,
            ended_utc TIMESTAMP,
            suite_root VARCHAR NOT NULL,
            suite_sha256 VARCHAR NOT NULL,
            code_commit VARCHAR,
            code_dirty BOOLEAN NOT NULL,
            seed INTEGER NOT NULL,
            manifest_json VARCHAR NOT NULL);
        CREATE TABLE manifest_contents (run_id VARCHAR NOT NULL, path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL);
        CREATE TABLE candidates (run_id VARCHAR NOT NULL, idx INTEGER NOT NULL, candidate VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, description VARCHAR NOT NULL);
        CREATE TABLE evaluators (run_id VARCHAR NOT NULL, evaluator VARCHAR NOT NULL, version VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, device VARCHAR NOT NULL);
        CREATE TABLE cases (
            run_id VARCHAR NOT NULL,
            case_key VARCHAR NOT NULL,
            seq BIGINT NOT NULL,
            scenario_file VARCHAR NOT NULL,
            scenario VARCHAR NOT NULL,
            behavior VARCHAR NOT NULL,
            severity VARCHAR NOT NULL,
            subject VARCHAR NOT NULL,
            candidate VARCHAR NOT NULL,
            candidate_fingerprint VARCHAR NOT NULL,
            outcome VARCHAR,
            blocks_release BOOLEAN NOT NULL,
            message VARCHAR);
        CREATE TABLE expectations (run_id VARCHAR NOT NULL, case_key VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL, outcome VARCHAR NOT NULL, measured DOUBLE, expected DOUBLE, unit VARCHAR NOT NULL, message VARCHAR NOT NULL);
        CREATE TABLE metrics (run_id VARCHAR NOT NULL, case_key VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR NOT NULL, value DOUBLE, unit VARCHAR NOT NULL, definition VARCHAR NOT NULL, reason VARCHAR);
        CREATE TABLE events (run_id VARCHAR NOT NULL, case_key VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR NOT NULL, start_s DOUBLE NOT NULL, end_s DOUBLE NOT NULL, agents VARCHAR[] NOT NULL, summary VARCHAR NOT NULL);
        CREATE TABLE learned_outputs (run_id VARCHAR NOT NULL, case_key VARCHAR NOT NULL, idx INTEGER NOT NULL, evaluator VARCHAR NOT NULL, version VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, output VARCHAR NOT NULL, value DOUBLE);
        """,

        // Version 2: one row per run for any SQL client, saying in words whether it is complete (a 'running' run never is).
        """
        CREATE VIEW run_overview AS
        SELECT r.run_id, r.status, r.status = 'complete' AS complete, r.started_utc, r.ended_utc,
               coalesce((SELECT list(c.candidate ORDER BY c.idx) FROM candidates c WHERE c.run_id = r.run_id), []::VARCHAR[]) AS candidates,
               (SELECT count(*) FROM cases k WHERE k.run_id = r.run_id) AS cases,
               (SELECT count(*) FROM cases k WHERE k.run_id = r.run_id AND k.blocks_release) AS failures
        FROM runs r;
        """,

        // Version 3, for recording speed: the child tables are keyed by the case's integer ordinal within its run
        // (cases.seq) instead of its text key, and a metric row names its (name, unit, definition) by an integer id into
        // metric_definitions, which holds each distinct definition once per run; an expectation row carries where it is
        // written (file, line, col; null for rows carried over). Existing rows are carried over.
        """
        CREATE TABLE metric_definitions (run_id VARCHAR NOT NULL, def_id INTEGER NOT NULL, name VARCHAR NOT NULL, unit VARCHAR NOT NULL, definition VARCHAR NOT NULL);
        INSERT INTO metric_definitions
            SELECT run_id, (row_number() OVER (PARTITION BY run_id ORDER BY name, unit, definition) - 1)::INTEGER, name, unit, definition
            FROM (SELECT DISTINCT run_id, name, unit, definition FROM metrics);
        CREATE TABLE metrics_v3 (run_id VARCHAR NOT NULL, case_seq BIGINT NOT NULL, idx INTEGER NOT NULL, def_id INTEGER NOT NULL, value DOUBLE, reason VARCHAR);
        INSERT INTO metrics_v3
            SELECT m.run_id, c.seq, m.idx, d.def_id, m.value, m.reason FROM metrics m
            JOIN cases c ON c.run_id = m.run_id AND c.case_key = m.case_key
            JOIN metric_definitions d ON d.run_id = m.run_id AND d.name = m.name AND d.unit = m.unit AND d.definition = m.definition;
        DROP TABLE metrics;
        ALTER TABLE metrics_v3 RENAME TO metrics;
        CREATE TABLE expectations_v3 (run_id VARCHAR NOT NULL, case_seq BIGINT NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL, outcome VARCHAR NOT NULL, measured DOUBLE, expected DOUBLE, unit VARCHAR NOT NULL, message VARCHAR NOT NULL, file VARCHAR, line INTEGER, col INTEGER);
        INSERT INTO expectations_v3
            SELECT e.run_id, c.seq, e.idx, e.text, e.outcome, e.measured, e.expected, e.unit, e.message, NULL, NULL, NULL FROM expectations e
            JOIN cases c ON c.run_id = e.run_id AND c.case_key = e.case_key;
        DROP TABLE expectations;
        ALTER TABLE expectations_v3 RENAME TO expectations;
        CREATE TABLE events_v3 (run_id VARCHAR NOT NULL, case_seq BIGINT NOT NULL, idx INTEGER NOT NULL, kind VARCHAR NOT NULL, start_s DOUBLE NOT NULL, end_s DOUBLE NOT NULL, agents VARCHAR[] NOT NULL, summary VARCHAR NOT NULL);
        INSERT INTO events_v3
            SELECT e.run_id, c.seq, e.idx, e.kind, e.start_s, e.end_s, e.agents, e.summary FROM events e
            JOIN cases c ON c.run_id = e.run_id AND c.case_key = e.case_key;
        DROP TABLE events;
        ALTER TABLE events_v3 RENAME TO events;
        CREATE TABLE learned_outputs_v3 (run_id VARCHAR NOT NULL, case_seq BIGINT NOT NULL, idx INTEGER NOT NULL, evaluator VARCHAR NOT NULL, version VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, output VARCHAR NOT NULL, value DOUBLE);
        INSERT INTO learned_outputs_v3
            SELECT l.run_id, c.seq, l.idx, l.evaluator, l.version, l.sha256, l.output, l.value FROM learned_outputs l
            JOIN cases c ON c.run_id = l.run_id AND c.case_key = l.case_key;
        DROP TABLE learned_outputs;
        ALTER TABLE learned_outputs_v3 RENAME TO learned_outputs;
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>
    /// Brings the open database to <paramref name="targetVersion"/> (default <see cref="CurrentVersion"/>): creates the
    /// schema in an empty file, migrates an older one in a transaction, refuses a newer one or a database that is not a store.
    /// </summary>
    public static void Migrate(DuckDBConnection connection, string store, int? targetVersion = null)
    {
        int target = targetVersion ?? CurrentVersion;
        int version = ReadVersion(connection, store);
        if (version > CurrentVersion)
        {
            throw ResultStoreException.NewerSchema(store, version, CurrentVersion);
        }

        if (version >= target)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        if (version == 0)
        {
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0);");
        }

        for (int step = version; step < target; step++)
        {
            Execute(connection, Migrations[step]);
        }

        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"UPDATE schema_version SET version = {target};"));
        transaction.Commit();
    }

    /// <summary>The file's schema version: 0 for an empty database.</summary>
    public static int ReadVersion(DuckDBConnection connection, string store)
    {
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        if (names.Count == 0)
        {
            return 0;
        }

        if (!names.Contains("schema_version"))
        {
            throw ResultStoreException.NotAStore(store);
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT max(version) FROM schema_version";
        return read.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
