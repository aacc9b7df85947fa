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
        var definitions = new Dictionary<int, (string Name, string Unit, string Definition)>();
        using (var definitionCommand = Command(connection, run, "SELECT def_id, name, unit, definition FROM metric_definitions WHERE run_id = $run"))
        using (var definitionReader = definitionCommand.ExecuteReader())
        {
            while (definitionReader.Read())
            {
                definitions[definitionReader.GetInt32(0)] = (definitionReader.GetString(1), definitionReader.GetString(2), definitionReader.GetString(3));
            }
        }

        var metrics = Group(connection, run, "SELECT case_seq, def_id, value, reason FROM metrics WHERE run_id = $run ORDER BY case_seq, idx", r =>
        {
            var (name, unit, definition) = definitions[r.GetInt32(1)];
            return new MetricRecord(name, NullableDouble(r, 2), unit, definition, r.IsDBNull(3) ? null : r.GetString(3));
        });
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
