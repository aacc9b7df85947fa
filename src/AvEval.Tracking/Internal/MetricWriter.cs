using AvEval.Runs;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>
/// Writes a batch's metrics, one <c>case_metrics</c> row per case: its layout (the ordered definition ids of its metrics),
/// its values as one list, the positions whose value is null, and the positions that carry a reason with the reasons'
/// ids. Each distinct (name, unit, definition), layout and reason text is stored once per run (<c>metric_definitions</c>,
/// <c>metric_layouts</c>, <c>metric_reasons</c>). The analyzers publish the same metrics in the same order for every case
/// and their reasons are few, so a case costs one appender row of numbers: several times faster than a row per metric.
/// </summary>
internal static class MetricWriter
{
    public static void Write(DuckDBConnection connection, RunId run, List<CaseRecord> batch, long first, MetricCodes codes)
    {
        var (definitions, layouts, reasons) = (codes.Definitions, codes.Layouts, codes.Reasons);
        string id = run.Value;
        IReadOnlyList<MetricRecord>? previous = null;
        int layout = -1;
        var nulls = new List<int>();
        var reasonAt = new List<int>();
        var reasonIds = new List<int>();
        using (var appender = connection.CreateAppender("case_metrics"))
        {
            for (int k = 0; k < batch.Count; k++)
            {
                var metrics = batch[k].Metrics;
                if (metrics.Count == 0)
                {
                    continue;
                }

                if (previous is null || !SameDefinitions(previous, metrics))
                {
                    layout = layouts.IdOf([.. metrics.Select(m => definitions.IdOf((m.Name, m.Unit, m.Definition)))]);
                }

                var values = new double[metrics.Count];
                nulls.Clear();
                reasonAt.Clear();
                reasonIds.Clear();
                for (int i = 0; i < metrics.Count; i++)
                {
                    var m = metrics[i];
                    if (m.Value is { } value)
                    {
                        values[i] = value;
                    }
                    else
                    {
                        nulls.Add(i);
                    }

                    if (m.Reason is { } reason)
                    {
                        reasonAt.Add(i);
                        reasonIds.Add(reasons.IdOf(reason));
                    }
                }

                appender.CreateRow()
                    .AppendValue(id).AppendValue(first + k).AppendValue(layout).AppendValue(values)
                    .AppendValue(nulls).AppendValue(reasonAt).AppendValue(reasonIds)
                    .EndRow();
                previous = metrics;
            }
        }

        Append(connection, "metric_definitions", definitions.TakeAdded(), (row, d) => row.AppendValue(d.Name).AppendValue(d.Unit).AppendValue(d.Definition), id);
        Append(connection, "metric_layouts", layouts.TakeAdded(), (row, l) => row.AppendValue(l), id);
        Append(connection, "metric_reasons", reasons.TakeAdded(), (row, r) => row.AppendValue(r), id);
    }

    /// <summary>
    /// Whether two cases publish the same metrics in the same order: the analyzers' names, units and definitions are
    /// shared strings, so this is nearly always a reference check per metric.
    /// </summary>
    private static bool SameDefinitions(IReadOnlyList<MetricRecord> a, IReadOnlyList<MetricRecord> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Name, b[i].Name, StringComparison.Ordinal)
                || !string.Equals(a[i].Unit, b[i].Unit, StringComparison.Ordinal)
                || !string.Equals(a[i].Definition, b[i].Definition, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the keys a batch numbered to their table: run id, id, then the key's columns.</summary>
    private static void Append<T>(DuckDBConnection connection, string table, IReadOnlyList<(T Key, int Id)> added, Func<IDuckDBAppenderRow, T, IDuckDBAppenderRow> columns, string run)
    {
        if (added.Count == 0)
        {
            return;
        }

        using var appender = connection.CreateAppender(table);
        foreach (var (key, id) in added)
        {
            columns(appender.CreateRow().AppendValue(run).AppendValue(id), key).EndRow();
        }
    }
}
