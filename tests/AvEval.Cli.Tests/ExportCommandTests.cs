using AvEval.Tests;
using DuckDB.NET.Data;

namespace AvEval.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Export_SeededStore_WritesHivePartitionsThatDuckDbReadsBack()
    {
        string store = RunsCommandTests.Seed(_folder.Path);
        string output = _folder.PathOf("parquet");

        var run = CliRun.Of("export", "--store", store, "--out", output);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain($"cases                     3 rows  {Path.Combine(output, "cases")}\n");
        File.Exists(Path.Combine(output, "cases", $"run_id={RunsCommandTests.Killed.Value}", "cases_0.parquet")).ShouldBeTrue();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT run_id, count(*), sum(blocks_release::INT) FROM read_parquet('{output}/cases/*/*.parquet', hive_partitioning = true) GROUP BY run_id ORDER BY run_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)} {reader.GetValue(1)} {reader.GetValue(2)}");
        }

        rows.ShouldBe([$"{RunsCommandTests.Finished.Value} 2 1", $"{RunsCommandTests.Killed.Value} 1 0"]);
    }

    [Fact]
    public void Export_NoOut_IsUsageErrorExit2()
    {
        var run = CliRun.Of("export", "--store", _folder.PathOf("x.duckdb"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("error: the command line is not valid; see 'aveval export --help' for the arguments and options.");
    }

    [Fact]
    public void Export_MissingStore_IsExit2NamingThePath()
    {
        string store = _folder.PathOf("none.duckdb");

        var run = CliRun.Of("export", "--store", store, "--out", _folder.PathOf("out"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: results store '{store}' does not exist;");
        Directory.Exists(_folder.PathOf("out")).ShouldBeFalse();
    }
}
