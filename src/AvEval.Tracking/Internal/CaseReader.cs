using System.Data.Common;
using AvEval.Runs;
using AvEval.Scenarios;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>Reads a run's cases back into <see cref="CaseRecord"/>s, in the order they were recorded.</summary>
internal static class CaseReader
{
    public static IReadOnlyList<CaseRecord> Read(DuckDBConnection connection, RunId run)
    {
        var expectations = Group(connection, run, "SELECT case_seq, idx, text, outcome, measured, expected, unit, message, file, line, col FROM expectations WHERE run_id = $run ORDER BY case_seq, idx",
            r => new ExpectationRecord(r.GetInt32(1), r.GetString(2), StoreText.Outcome(r.GetString(3)), NullableDouble(r, 4), NullableDouble(r, 5), r.GetString(6), r.GetString(7),
                r.IsDBNull(8) ? null : new SourceLocation(r.GetString(8), r.GetInt32(9), r.GetInt32(10))));
        var metrics = ReadMetrics(connection, run);
        var events = Group(connection, run, "SELECT case_seq, kind, start_s, end_s, agents, summary FROM events WHERE run_id = $run ORDER BY case_seq, idx",
            r => new EventRecord(r.GetString(1), r.GetDouble(2), r.GetDouble(3), [.. (IEnumerable<string>)r.GetValue(4)], r.GetString(5)));
        var learned = Group(connection, run, "SELECT case_seq, evaluator, version, sha256, output, value FROM learned_outputs WHERE run_id = $run ORDER BY case_seq, idx",
            r => new LearnedOutputRecord(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5)));

        var cases = new List<CaseRecord>();
        using var command = Command(connection, run,
            "SELECT case_key, scenario_file, scenario, behavior, severity, subject, candidate, candidate_fingerprint, outcome, blocks_release, message, seq FROM cases WHERE run_id = $run ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long seq = reader.GetInt64(11);
            cases.Add(new CaseRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                StoreText.Severity(reader.GetString(4)),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : StoreText.Outcome(reader.GetString(8)),
                reader.GetBoolean(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                expectations.GetValueOrDefault(seq) ?? [],
                metrics.GetValueOrDefault(seq) ?? [],
                events.GetValueOrDefault(seq) ?? [],
                learned.GetValueOrDefault(seq) ?? []));
        }

        return cases;
    }

    /// <summary>Each case's metrics by case ordinal, rebuilt from its layout, values, null positions and reason ids.</summary>
    private static Dictionary<long, List<MetricRecord>> ReadMetrics(DuckDBConnection connection, RunId run)
    {
        var definitions = new Dictionary<int, (string Name, string Unit, string Definition)>();
        using (var command = Command(connection, run, "SELECT def_id, name, unit, definition FROM metric_definitions WHERE run_id = $run"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                definitions[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        var layouts = new Dictionary<int, List<int>>();
        using (var command = Command(connection, run, "SELECT layout_id, def_ids FROM metric_layouts WHERE run_id = $run"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                layouts[reader.GetInt32(0)] = reader.GetFieldValue<List<int>>(1);
            }
        }

        var reasons = new Dictionary<int, string>();
        using (var command = Command(connection, run, "SELECT reason_id, reason FROM metric_reasons WHERE run_id = $run"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                reasons[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var metrics = new Dictionary<long, List<MetricRecord>>();
        using (var command = Command(connection, run, "SELECT case_seq, layout_id, metric_values, null_idx, reason_idx, reason_ids FROM case_metrics WHERE run_id = $run"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var layout = layouts[reader.GetInt32(1)];
                var values = reader.GetFieldValue<List<double>>(2);
                var nulls = reader.GetFieldValue<List<int>>(3);
                var reasonAt = reader.GetFieldValue<List<int>>(4);
                var reasonIds = reader.GetFieldValue<List<int>>(5);
                var list = new List<MetricRecord>(values.Count);
                int nextNull = 0;
                int nextReason = 0;
                for (int i = 0; i < values.Count; i++)
                {
                    var (name, unit, definition) = definitions[layout[i]];
                    bool isNull = nextNull < nulls.Count && nulls[nextNull] == i;
                    nextNull += isNull ? 1 : 0;
                    string? reason = nextReason < reasonAt.Count && reasonAt[nextReason] == i ? reasons[reasonIds[nextReason++]] : null;
                    list.Add(new MetricRecord(name, isNull ? null : values[i], unit, definition, reason));
                }

                metrics[reader.GetInt64(0)] = list;
            }
        }

        return metrics;
    }

    private static double? NullableDouble(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    /// <summary>The rows of a child table by case ordinal (the first column), in the query's order.</summary>
    private static Dictionary<long, List<T>> Group<T>(DuckDBConnection connection, RunId run, string sql, Func<DbDataReader, T> row)
    {
        var groups = new Dictionary<long, List<T>>();
        using var command = Command(connection, run, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long key = reader.GetInt64(0);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(row(reader));
        }

        return groups;
    }

    private static DuckDBCommand Command(DuckDBConnection connection, RunId run, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("run", run.Value));
        return command;
    }
}
