using System.Data.Common;
using AvEval.Runs;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>The integer codes of one run's metric definitions, layouts and reasons (<see cref="MetricWriter"/>), as stored.</summary>
internal sealed record MetricCodes(
    RunCodes<(string Name, string Unit, string Definition)> Definitions,
    RunCodes<int[]> Layouts,
    RunCodes<string> Reasons)
{
    public static MetricCodes Load(DuckDBConnection connection, RunId run) => new(
        new(Read(connection, run, "SELECT def_id, name, unit, definition FROM metric_definitions WHERE run_id = $run", r => (r.GetString(1), r.GetString(2), r.GetString(3)))),
        new(Read(connection, run, "SELECT layout_id, def_ids FROM metric_layouts WHERE run_id = $run", r => r.GetFieldValue<List<int>>(1).ToArray()), IdListComparer.Instance),
        new(Read(connection, run, "SELECT reason_id, reason FROM metric_reasons WHERE run_id = $run", r => r.GetString(1)), StringComparer.Ordinal));

    private static List<(T Key, int Id)> Read<T>(DuckDBConnection connection, RunId run, string sql, Func<DbDataReader, T> key)
    {
        var stored = new List<(T, int)>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("run", run.Value));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored.Add((key(reader), reader.GetInt32(0)));
        }

        return stored;
    }
}
