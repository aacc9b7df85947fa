using AvEval.Runs;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace AvEval.Tracking.Internal;

/// <summary>
/// Writes a batch's metric rows: each distinct (name, unit, definition) of the run once into <c>metric_definitions</c>
/// (new ones appended), and the rows (case ordinal, position, definition id, value, reason) as a Parquet staging file
/// beside the store, loaded in one <c>INSERT ... SELECT FROM read_parquet</c> and deleted. DuckDB.NET's appender takes one
/// value per call; the columnar file moves millions of rows in one statement.
/// </summary>
internal static class MetricStaging
{
    /// <summary>Rows per Parquet row group (bounds the memory of a very large batch).</summary>
    private const int RowGroup = 1 << 20;

    private static readonly DataField<long> CaseSeq = new("case_seq");
    private static readonly DataField<int> Index = new("idx");
    private static readonly DataField<int> Definition = new("def_id");
    private static readonly DataField<double?> Value = new("value");
    private static readonly DataField<string> Reason = new("reason", true);
    private static readonly ParquetSchema Schema = new(CaseSeq, Index, Definition, Value, Reason);

    public static void Write(DuckDBConnection connection, string store, RunId run, List<CaseRecord> batch, long first)
    {
        var definitions = Definitions(connection, run);
        int known = definitions.Count;
        long rows = batch.Sum(c => (long)c.Metrics.Count);
        if (rows == 0)
        {
            return;
        }

        // One definition id per row, looked up by name first (a short string) and then the unit and definition compared,
        // which for the analyzers' shared strings is a reference check.
        var ids = new int[rows];
        var byName = new Dictionary<string, List<(string Unit, string Definition, int Id)>>(StringComparer.Ordinal);
        foreach (var ((name, unit, definition), id) in definitions)
        {
            AddTo(byName, name, (unit, definition, id));
        }

        var added = new List<(string Name, string Unit, string Definition, int Id)>();
        long n = 0;
        foreach (var c in batch)
        {
            foreach (var m in c.Metrics)
            {
                ids[n++] = IdOf(byName, added, known, m);
            }
        }

        if (added.Count > 0)
        {
            using var appender = connection.CreateAppender("metric_definitions");
            foreach (var (name, unit, definition, id) in added)
            {
                appender.CreateRow().AppendValue(run.Value).AppendValue(id).AppendValue(name).AppendValue(unit).AppendValue(definition).EndRow();
            }
        }

        string staging = $"{store}.{Environment.ProcessId}.{Guid.NewGuid():N}.staging.parquet";
        try
        {
            // Record is synchronous (it runs under the store lock); the Parquet writer is asynchronous only.
            WriteFileAsync(staging, batch, first, ids).GetAwaiter().GetResult();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO metrics SELECT $run, case_seq, idx, def_id, value, reason FROM read_parquet({StoreText.Literal(staging)})";
            insert.Parameters.Add(new DuckDBParameter("run", run.Value));
            insert.ExecuteNonQuery();
        }
        finally
        {
            File.Delete(staging);
        }
    }

    private static int IdOf(Dictionary<string, List<(string Unit, string Definition, int Id)>> byName, List<(string Name, string Unit, string Definition, int Id)> added, int known, MetricRecord m)
    {
        if (byName.TryGetValue(m.Name, out var list))
        {
            foreach (var (unit, definition, id) in list)
            {
                if (string.Equals(unit, m.Unit, StringComparison.Ordinal) && string.Equals(definition, m.Definition, StringComparison.Ordinal))
                {
                    return id;
                }
            }
        }

        int next = known + added.Count;
        added.Add((m.Name, m.Unit, m.Definition, next));
        AddTo(byName, m.Name, (m.Unit, m.Definition, next));
        return next;
    }

    private static void AddTo(Dictionary<string, List<(string Unit, string Definition, int Id)>> byName, string name, (string Unit, string Definition, int Id) entry)
    {
        if (!byName.TryGetValue(name, out var list))
        {
            byName[name] = list = [];
        }

        list.Add(entry);
    }

    private static Dictionary<(string Name, string Unit, string Definition), int> Definitions(DuckDBConnection connection, RunId run)
    {
        var definitions = new Dictionary<(string Name, string Unit, string Definition), int>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT def_id, name, unit, definition FROM metric_definitions WHERE run_id = $run";
        command.Parameters.Add(new DuckDBParameter("run", run.Value));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            definitions[(reader.GetString(1), reader.GetString(2), reader.GetString(3))] = reader.GetInt32(0);
        }

        return definitions;
    }

    private static async Task WriteFileAsync(string path, List<CaseRecord> batch, long first, int[] ids)
    {
        int size = Math.Min(ids.Length, RowGroup);
        long row = 0;
        var seq = new long[size];
        var index = new int[size];
        var definition = new int[size];
        var value = new double?[size];
        var reason = new string?[size];
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.None }).ConfigureAwait(false);
        int n = 0;
        for (int k = 0; k < batch.Count; k++)
        {
            var metrics = batch[k].Metrics;
            for (int i = 0; i < metrics.Count; i++)
            {
                var m = metrics[i];
                seq[n] = first + k;
                index[n] = i;
                definition[n] = ids[row++];
                value[n] = m.Value;
                reason[n] = m.Reason;
                if (++n == size)
                {
                    await FlushAsync(writer, seq, index, definition, value, reason, n);
                    n = 0;
                }
            }
        }

        if (n > 0)
        {
            await FlushAsync(writer, seq, index, definition, value, reason, n);
        }
    }

    private static async Task FlushAsync(ParquetWriter writer, long[] seq, int[] index, int[] definition, double?[] value, string?[] reason, int n)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(CaseSeq, seq.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync<int>(Index, index.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync<int>(Definition, definition.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync<double>(Value, value.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync(Reason, new ArraySegment<string?>(reason, 0, n)!).ConfigureAwait(false);
        group.CompleteValidate();
    }
}
