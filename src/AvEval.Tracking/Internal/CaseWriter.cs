using AvEval.Runs;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>
/// Writes a batch of cases of one run inside the caller's transaction: a key already stored for the run (or repeated
/// within the batch) is stored once, the later record replacing the earlier. Each case gets the next ordinal of its run
/// (<c>cases.seq</c>), which keys its rows in the child tables. Everything goes through DuckDB's appender; a case's metrics,
/// nearly all the data, are one row with a list of values (<see cref="MetricWriter"/>).
/// </summary>
internal static class CaseWriter
{
    public static int Write(DuckDBConnection connection, RunId run, IReadOnlyList<CaseRecord> cases)
    {
        // The last record of a key within the batch wins; order otherwise as given.
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < cases.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(cases[i], nameof(cases));
            last[cases[i].Key] = i;
        }

        var batch = new List<CaseRecord>(last.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            if (last[cases[i].Key] == i)
            {
                batch.Add(cases[i]);
            }
        }

        RemoveRecorded(connection, run, batch);
        long first = NextSeq(connection, run);
        string id = run.Value;

        using (var appender = connection.CreateAppender("cases"))
        {
            long seq = first;
            foreach (var c in batch)
            {
                appender.CreateRow()
                    .AppendValue(id).AppendValue(c.Key).AppendValue(seq++).AppendValue(c.ScenarioFile).AppendValue(c.Scenario)
                    .AppendValue(c.Behavior).AppendValue(StoreText.Of(c.Severity)).AppendValue(c.Subject).AppendValue(c.Candidate)
                    .AppendValue(c.CandidateFingerprint).AppendValue(c.Outcome is { } o ? StoreText.Of(o) : null)
                    .AppendValue(c.BlocksRelease).AppendValue(c.Message)
                    .EndRow();
            }
        }

        AppendChildren(connection, "expectations", id, batch, first, c => c.Expectations, (row, e, _) => row
            .AppendValue(e.Index).AppendValue(e.Text).AppendValue(StoreText.Of(e.Outcome))
            .AppendValue(e.Measured).AppendValue(e.Expected).AppendValue(e.Unit).AppendValue(e.Message)
            .AppendValue(e.Location?.File).AppendValue(e.Location?.Line).AppendValue(e.Location?.Column));
        AppendChildren(connection, "events", id, batch, first, c => c.Events, (row, e, i) => row
            .AppendValue(i).AppendValue(e.Kind).AppendValue(e.StartSeconds).AppendValue(e.EndSeconds).AppendValue(e.Agents).AppendValue(e.Summary));
        AppendChildren(connection, "learned_outputs", id, batch, first, c => c.LearnedOutputs, (row, l, i) => row
            .AppendValue(i).AppendValue(l.Evaluator).AppendValue(l.Version).AppendValue(l.Sha256).AppendValue(l.Output).AppendValue(l.Value));
        MetricWriter.Write(connection, run, batch, first);
        return batch.Count;
    }

    /// <summary>Appends one row per child record of each case to a child table: run id, case ordinal, then the child's columns (given its position).</summary>
    private static void AppendChildren<T>(DuckDBConnection connection, string table, string run, List<CaseRecord> batch, long first, Func<CaseRecord, IReadOnlyList<T>> children, Action<IDuckDBAppenderRow, T, int> columns)
    {
        using var appender = connection.CreateAppender(table);
        for (int k = 0; k < batch.Count; k++)
        {
            var items = children(batch[k]);
            for (int i = 0; i < items.Count; i++)
            {
                var row = appender.CreateRow().AppendValue(run).AppendValue(first + k);
                columns(row, items[i], i);
                row.EndRow();
            }
        }
    }

    /// <summary>Deletes the rows of every key of the batch that the run already holds (none, the usual case, costs one join).</summary>
    private static void RemoveRecorded(DuckDBConnection connection, RunId run, List<CaseRecord> batch)
    {
        Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS batch_keys (case_key VARCHAR NOT NULL); DELETE FROM batch_keys;");
        using (var appender = connection.CreateAppender("temp", "main", "batch_keys"))
        {
            foreach (var c in batch)
            {
                appender.CreateRow().AppendValue(c.Key).EndRow();
            }
        }

        using var overlap = connection.CreateCommand();
        overlap.CommandText = "SELECT count(*) FROM cases c JOIN batch_keys b ON c.case_key = b.case_key WHERE c.run_id = $run";
        overlap.Parameters.Add(new DuckDBParameter("run", run.Value));
        if (Convert.ToInt64(overlap.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        // Children first: they find their rows through the cases' ordinals.
        foreach (string table in (string[])["expectations", "case_metrics", "events", "learned_outputs"])
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE run_id = $run AND case_seq IN (SELECT seq FROM cases WHERE run_id = $run AND case_key IN (SELECT case_key FROM batch_keys))";
            delete.Parameters.Add(new DuckDBParameter("run", run.Value));
            delete.ExecuteNonQuery();
        }

        using var cases = connection.CreateCommand();
        cases.CommandText = "DELETE FROM cases WHERE run_id = $run AND case_key IN (SELECT case_key FROM batch_keys)";
        cases.Parameters.Add(new DuckDBParameter("run", run.Value));
        cases.ExecuteNonQuery();
    }

    private static long NextSeq(DuckDBConnection connection, RunId run)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq) + 1, 0) FROM cases WHERE run_id = $run";
        command.Parameters.Add(new DuckDBParameter("run", run.Value));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
