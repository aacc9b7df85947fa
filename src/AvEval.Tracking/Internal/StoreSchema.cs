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

        // Version 4, for recording speed: a case's metrics are one row of case_metrics instead of one row each. The
        // analyzers publish the same metrics in the same order for every case, so the ordered definition ids (the
        // layout) are stored once per run in metric_layouts and each distinct reason text once in metric_reasons; a case
        // row carries its layout, its values as one list (0 where null), the positions whose value is null, and the
        // positions that carry a reason with the reasons' ids. The view `metrics` gives the version-3 rows back
        // (run_id, case_seq, idx, def_id, value, reason) for SQL clients and the export.
        """
        CREATE TABLE metric_layouts (run_id VARCHAR NOT NULL, layout_id INTEGER NOT NULL, def_ids INTEGER[] NOT NULL);
        CREATE TABLE metric_reasons (run_id VARCHAR NOT NULL, reason_id INTEGER NOT NULL, reason VARCHAR NOT NULL);
        CREATE TABLE case_metrics (run_id VARCHAR NOT NULL, case_seq BIGINT NOT NULL, layout_id INTEGER NOT NULL, metric_values DOUBLE[] NOT NULL, null_idx INTEGER[] NOT NULL, reason_idx INTEGER[] NOT NULL, reason_ids INTEGER[] NOT NULL);
        INSERT INTO metric_reasons
            SELECT run_id, (row_number() OVER (PARTITION BY run_id ORDER BY reason) - 1)::INTEGER, reason
            FROM (SELECT DISTINCT run_id, reason FROM metrics WHERE reason IS NOT NULL);
        CREATE TEMP TABLE metrics_by_case AS
            SELECT m.run_id, m.case_seq, list(m.def_id ORDER BY m.idx) AS def_ids, list(coalesce(m.value, 0) ORDER BY m.idx) AS metric_values,
                   coalesce(list(m.idx ORDER BY m.idx) FILTER (WHERE m.value IS NULL), []::INTEGER[]) AS null_idx,
                   coalesce(list(m.idx ORDER BY m.idx) FILTER (WHERE m.reason IS NOT NULL), []::INTEGER[]) AS reason_idx,
                   coalesce(list(r.reason_id ORDER BY m.idx) FILTER (WHERE m.reason IS NOT NULL), []::INTEGER[]) AS reason_ids
            FROM metrics m LEFT JOIN metric_reasons r ON r.run_id = m.run_id AND r.reason = m.reason
            GROUP BY m.run_id, m.case_seq;
        INSERT INTO metric_layouts
            SELECT run_id, (row_number() OVER (PARTITION BY run_id ORDER BY first_seq) - 1)::INTEGER, def_ids
            FROM (SELECT run_id, def_ids, min(case_seq) AS first_seq FROM metrics_by_case GROUP BY run_id, def_ids);
        INSERT INTO case_metrics
            SELECT m.run_id, m.case_seq, l.layout_id, m.metric_values, m.null_idx, m.reason_idx, m.reason_ids
            FROM metrics_by_case m JOIN metric_layouts l ON l.run_id = m.run_id AND l.def_ids = m.def_ids;
        DROP TABLE metrics_by_case;
        DROP TABLE metrics;
        CREATE VIEW metrics AS
        SELECT u.run_id, u.case_seq, u.idx, u.def_ids[u.idx + 1] AS def_id,
               CASE WHEN list_contains(u.null_idx, u.idx) THEN NULL ELSE u.metric_values[u.idx + 1] END AS value,
               r.reason
        FROM (SELECT m.run_id, m.case_seq, l.def_ids, m.metric_values, m.null_idx, m.reason_idx, m.reason_ids,
                     unnest(range(len(m.metric_values)))::INTEGER AS idx
              FROM case_metrics m JOIN metric_layouts l ON l.run_id = m.run_id AND l.layout_id = m.layout_id) u
        LEFT JOIN metric_reasons r ON r.run_id = u.run_id AND r.reason_id = u.reason_ids[list_position(u.reason_idx, u.idx)];
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
        // The usual case, a store, in one query; anything else (empty, foreign) is told apart below.
        using (var direct = connection.CreateCommand())
        {
            direct.CommandText = "SELECT max(version) FROM schema_version";
            try
            {
                if (direct.ExecuteScalar() is { } found and not DBNull)
                {
                    return Convert.ToInt32(found, CultureInfo.InvariantCulture);
                }
            }
            catch (DuckDBException)
            {
                // No schema_version table.
            }
        }

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
