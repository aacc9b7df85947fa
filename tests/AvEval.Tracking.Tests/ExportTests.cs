using System.Globalization;
using AvEval.Runs;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Every row of a query as text, sorted, with doubles in round-trip form.</summary>
    private static List<string> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IEnumerable<string> list => "[" + string.Join(',', list) + "]",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            })));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public void Export_TwoRuns_RoundTripsThroughDuckDbsParquetReaderWithHivePartitions()
    {
        string storePath = _folder.PathOf("aveval.duckdb");
        string outFolder = _folder.PathOf("export");
        var store = DuckDbResultStore.Open(storePath);
        var first = new RunId("run-20261203T100000Z-0000e001");
        var second = new RunId("run-20261203T110000Z-0000e002");
        store.Begin(TestRuns.Manifest(first, "rc-1"));
        store.Record(first, TestRuns.Cases(40));
        store.Finish(first, RunStatus.Complete, new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero));
        store.Begin(TestRuns.Manifest(second, "rc-2"));
        store.Record(second, TestRuns.Cases(7, "other", "rc-2"));

        var tables = store.Export(outFolder);

        tables.Select(t => t.Name).ShouldBe(["runs", "manifest_contents", "candidates", "evaluators", "cases", "expectations", "metric_definitions", "metrics", "events", "learned_outputs"]);
        tables.Single(t => t.Name == "metric_definitions").Rows.ShouldBe(2 * 3, "each run stores its three metric definitions once");
        tables.Single(t => t.Name == "cases").Rows.ShouldBe(47);
        tables.Single(t => t.Name == "metrics").Rows.ShouldBe(47 * 3);
        File.Exists(Path.Combine(outFolder, "cases", $"run_id={first.Value}", "cases_0.parquet")).ShouldBeTrue();
        File.Exists(Path.Combine(outFolder, "metrics", $"run_id={second.Value}", "metrics_0.parquet")).ShouldBeTrue();
        using var connection = new DuckDBConnection($"Data Source={storePath}");
        connection.Open();
        foreach (var table in tables)
        {
            string columns = string.Join(", ", Rows(connection, $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table.Name}' AND table_schema = 'main'"));
            var exported = Rows(connection, $"SELECT {columns} FROM read_parquet('{table.Folder}/*/*.parquet', hive_partitioning = true, hive_types = {{'run_id': VARCHAR}})");
            var stored = Rows(connection, $"SELECT {columns} FROM {table.Name}");

            exported.Count.ShouldBe((int)table.Rows, table.Name);
            exported.ShouldBe(stored, table.Name);
        }
    }

    [Fact]
    public void Export_EmptyStore_WritesEmptyTableFolders()
    {
        var store = DuckDbResultStore.Open(_folder.PathOf("aveval.duckdb"));

        var tables = store.Export(_folder.PathOf("export"));

        tables.ShouldAllBe(t => t.Rows == 0 && Directory.Exists(t.Folder) && Directory.GetFileSystemEntries(t.Folder).Length == 0);
    }
}
