using AvEval.Runs;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>
/// Writes batches of cases of one run, each inside the caller's transaction: a key already stored for the run (or
/// repeated within the batch) is stored once, the later record replacing the earlier. Each case gets the next ordinal of
/// its run (<c>cases.seq</c>), which keys its rows in the child tables. Everything goes through DuckDB's appender; a
/// case's metrics, nearly all the data, are one row with a list of values (<see cref="MetricWriter"/>). The writer reads
/// the run's keys, next ordinal and metric codes once, when made, and keeps them up to date as it writes: it is valid
/// while nothing else writes the run (the store keeps one while it holds the file, and drops it after a failed write).
/// </summary>
internal sealed class CaseWriter
{
    private readonly RunId _run;
    private readonly HashSet<string> _recorded;
    private readonly MetricCodes _codes;
    private long _next;

    private CaseWriter(RunId run, HashSet<string> recorded, long next, MetricCodes codes)
    {
        _run = run;
        _recorded = recorded;
        _next = next;
        _codes = codes;
    }

    /// <summary>A writer for <paramref name="run"/> from what the store holds of it now.</summary>
    public static CaseWriter Load(DuckDBConnection connection, RunId run)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        long next = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT case_key, seq FROM cases WHERE run_id = $run";
            command.Parameters.Add(new DuckDBParameter("run", run.Value));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                recorded.Add(reader.GetString(0));
                next = Math.Max(next, reader.GetInt64(1) + 1);
            }
        }

        return new CaseWriter(run, recorded, next, MetricCodes.Load(connection, run));
    }

    /// <summary>Writes a batch; returns the number of cases stored (repeated keys once).</summary>
    public int Write(DuckDBConnection connection, IReadOnlyList<CaseRecord> cases)
    {
        var run = _run;
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

        if (batch.Exists(c => _recorded.Contains(c.Key)))
        {
            RemoveRecorded(connection, run, batch);
        }

        long first = _next;
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
        MetricWriter.Write(connection, run, batch, first, _codes);
        _next = first + batch.Count;
        foreach (var c in batch)
        {
            _recorded.Add(c.Key);
        }

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

    /// <summary>Deletes the rows of every key of the batch that the run already holds.</summary>
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

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
