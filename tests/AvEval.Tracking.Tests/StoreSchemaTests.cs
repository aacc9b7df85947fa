using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Tracking.Internal;
using DuckDB.NET.Data;

namespace AvEval.Tracking.Tests;

public sealed class StoreSchemaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.PathOf("aveval.duckdb");

    private static void Sql(string file, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Open_NewFile_WritesTheCurrentVersion()
    {
        DuckDbResultStore.Open(StorePath);

        Convert.ToInt32(Scalar(StorePath, "SELECT version FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(4);
        DuckDbResultStore.SchemaVersion.ShouldBe(4);
    }

    [Fact]
    public void Open_VersionOneFileWithARun_MigratesItKeepingTheRun()
    {
        using (var connection = new DuckDBConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            StoreSchema.Migrate(connection, StorePath, targetVersion: 1);
        }

        Sql(StorePath, """
            INSERT INTO runs VALUES ('run-old', 'complete', TIMESTAMP '2026-01-02 03:04:05', TIMESTAMP '2026-01-02 03:05:00', '/s', 'aa', NULL, false, 1, '{}');
            INSERT INTO candidates VALUES ('run-old', 0, 'rc-0', 'fp', 'old');
            INSERT INTO cases VALUES ('run-old', 'k', 0, 'f.yaml', 's', 'following', 'blocking', 'candidate', 'rc-0', 'fp', 'fail', true, 'm');
            """);
        Scalar(StorePath, "SELECT version FROM schema_version").ShouldBe(1);

        var runs = DuckDbResultStore.OpenExisting(StorePath).ListRuns();

        Convert.ToInt32(Scalar(StorePath, "SELECT version FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(4);
        runs.Single().ShouldBe(runs.Single() with { Id = new RunId("run-old"), Status = RunStatus.Complete, Cases = 1, Failures = 1, StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) });
        runs.Single().Candidates.ShouldBe(["rc-0"]);
    }

    [Fact]
    public void Open_VersionTwoFileWithCases_MigratesChildRowsToOrdinalsAndDefinitionsKeepingEveryRecord()
    {
        // A version-2 file as version-2 code wrote it: child rows keyed by case key, metric definitions on every row.
        using (var connection = new DuckDBConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            StoreSchema.Migrate(connection, StorePath, targetVersion: 2);
        }

        var manifest = TestRuns.Manifest(new RunId("run-v2"), "rc-1");
        Sql(StorePath, $$"""
            INSERT INTO runs VALUES ('run-v2', 'complete', TIMESTAMP '2026-12-03 10:00:00', TIMESTAMP '2026-12-03 10:01:00', '/s', 'aa', NULL, false, 0, '{{RunJson.Serialize(manifest).Replace("'", "''", StringComparison.Ordinal)}}');
            INSERT INTO cases VALUES ('run-v2', 'b', 0, 'behaviors/following/b.yaml', 'following/b', 'following', 'blocking', 'candidate', 'rc-1', 'fp-rc-1', 'pass', false, NULL);
            INSERT INTO cases VALUES ('run-v2', 'a', 1, 'behaviors/following/a.yaml', 'following/a', 'following', 'blocking', 'candidate', 'rc-1', 'fp-rc-1', 'fail', true, 'm');
            INSERT INTO expectations VALUES ('run-v2', 'a', 0, 'thw.gap.min >= 1 s', 'fail', 0.5, 1.0, 's', '0.5 s < 1 s');
            INSERT INTO metrics VALUES ('run-v2', 'a', 0, 'thw.gap.min', 0.5, 's', 'THW (AvEval)', NULL), ('run-v2', 'a', 1, 'speed.mean', NULL, 'm/s', 'mean speed (AvEval)', 'no frames'),
                                       ('run-v2', 'b', 0, 'thw.gap.min', 'inf'::DOUBLE, 's', 'THW (AvEval)', NULL);
            INSERT INTO events VALUES ('run-v2', 'a', 0, 'cut_in', 1.5, 3.0, ['7'], 'car 7 cut in');
            INSERT INTO learned_outputs VALUES ('run-v2', 'b', 0, 'mlp', '1', 'ff', 'probability', 0.25);
            """);

        var cases = DuckDbResultStore.OpenExisting(StorePath).GetCases(new RunId("run-v2"));

        Convert.ToInt32(Scalar(StorePath, "SELECT version FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(4);
        Convert.ToInt32(Scalar(StorePath, "SELECT count(*) FROM metric_definitions"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2, "thw.gap.min's definition is stored once");
        cases.Select(c => c.Key).ShouldBe(["b", "a"]);
        var a = cases[1];
        a.Expectations.ShouldBe([new ExpectationRecord(0, "thw.gap.min >= 1 s", Outcome.Fail, 0.5, 1.0, "s", "0.5 s < 1 s")]);
        a.Metrics.ShouldBe([new MetricRecord("thw.gap.min", 0.5, "s", "THW (AvEval)", null), new MetricRecord("speed.mean", null, "m/s", "mean speed (AvEval)", "no frames")]);
        a.Events.ShouldHaveSingleItem().Agents.ShouldBe(["7"]);
        cases[0].Metrics.ShouldBe([new MetricRecord("thw.gap.min", double.PositiveInfinity, "s", "THW (AvEval)", null)]);
        cases[0].LearnedOutputs.ShouldBe([new LearnedOutputRecord("mlp", "1", "ff", "probability", 0.25)]);
    }

    [Fact]
    public void Open_NewerSchemaVersion_IsRefusedNamingFileVersionsAndWhatToDo()
    {
        DuckDbResultStore.Open(StorePath);
        Sql(StorePath, "UPDATE schema_version SET version = 7");

        var ex = Record.Exception(() => DuckDbResultStore.Open(StorePath));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"results store '{StorePath}' has schema version 7, newer than version 4 that this build of AvEval reads; update AvEval, or point --store at another file.");
        Scalar(StorePath, "SELECT version FROM schema_version").ShouldBe(7);
    }

    [Fact]
    public void Open_DamagedBytes_IsUnreadableNamingFileAndWhatToDo()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-damaged");
        store.Begin(TestRuns.Manifest(run, "rc-1"));
        store.Record(run, TestRuns.Cases(50));
        byte[] bytes = File.ReadAllBytes(StorePath);
        for (int i = 0; i < 4096; i += 3)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(StorePath, bytes);

        var ex = Record.Exception(() => DuckDbResultStore.OpenExisting(StorePath).ListRuns());

        var error = Assert.IsType<ResultStoreException>(ex);
        error.Message.ShouldStartWith($"results store '{StorePath}' cannot be read (IO Error: ");
        error.Message.ShouldEndWith("); restore it from a backup or an 'aveval export', or move it aside so that a new store is created.");
        error.Store.ShouldBe(StorePath);
    }

    [Fact]
    public void Open_TextFile_IsUnreadableSayingItIsNotADuckDbFile()
    {
        File.WriteAllText(StorePath, "run,status\nrun-1,complete\n");

        var ex = Record.Exception(() => DuckDbResultStore.OpenExisting(StorePath));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"results store '{StorePath}' cannot be read (IO Error: The file \"{StorePath}\" exists, but it is not a valid DuckDB database file!); restore it from a backup or an 'aveval export', or move it aside so that a new store is created.");
    }

    [Fact]
    public void Open_ForeignDuckDbDatabase_IsNotAStore()
    {
        Sql(StorePath, "CREATE TABLE trips (id INTEGER)");

        var ex = Record.Exception(() => DuckDbResultStore.Open(StorePath));

        Assert.IsType<ResultStoreException>(ex).Message.ShouldBe($"'{StorePath}' is a DuckDB database but not an AvEval results store (it has no schema_version table); pass a results store with --store or AVEVAL_STORE, or a path where a new one may be created.");
    }

    [Fact]
    public void MetricsView_RecordedCases_GivesOneRowPerMetricWithItsValueNullAndReason()
    {
        var store = DuckDbResultStore.Open(StorePath);
        var run = new RunId("run-view");
        store.Begin(TestRuns.Manifest(run, "rc-1"));
        var shorter = TestRuns.Case("b", metrics: 2);
        store.Record(run, [TestRuns.Case("a"), shorter, TestRuns.Case("c")]);

        var rows = new List<string>();
        using (var connection = new DuckDBConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT m.case_seq, m.idx, d.name, m.value, coalesce(m.reason, '-') FROM metrics m JOIN metric_definitions d USING (run_id, def_id) ORDER BY m.case_seq, m.idx";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}/{reader.GetInt32(1)} {reader.GetString(2)} {(reader.IsDBNull(3) ? "null" : reader.GetDouble(3).ToString(System.Globalization.CultureInfo.InvariantCulture))} {reader.GetString(4)}"));
            }
        }

        // TestRuns.Case's metrics: metric.0 = +inf s, metric.1 = null with a reason, metric.2 = 1.0.
        rows.ShouldBe([
            "0/0 metric.0 Infinity -", "0/1 metric.1 null no lead vehicle", "0/2 metric.2 1 -",
            "1/0 metric.0 Infinity -", "1/1 metric.1 null no lead vehicle",
            "2/0 metric.0 Infinity -", "2/1 metric.1 null no lead vehicle", "2/2 metric.2 1 -",
        ]);
        Convert.ToInt32(Scalar(StorePath, "SELECT count(*) FROM metric_layouts"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2, "the three-metric layout is stored once, the two-metric one once");
        Convert.ToInt32(Scalar(StorePath, "SELECT count(*) FROM metric_definitions"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);
        Convert.ToInt32(Scalar(StorePath, "SELECT count(*) FROM metric_reasons"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1, "'no lead vehicle' is stored once for the three cases");
        store.GetCases(run).Select(c => c.Metrics).ShouldBe([TestRuns.Case("a").Metrics, shorter.Metrics, TestRuns.Case("c").Metrics]);
    }

    [Fact]
    public void Migrate_FailingStep_LeavesTheFileAtItsVersion()
    {
        using var connection = new DuckDBConnection($"Data Source={StorePath}");
        connection.Open();
        StoreSchema.Migrate(connection, StorePath, targetVersion: 1);
        using (var block = connection.CreateCommand())
        {
            // A table with the view's name makes step 2 fail half-way.
            block.CommandText = "CREATE TABLE run_overview (x INTEGER)";
            block.ExecuteNonQuery();
        }

        Record.Exception(() => StoreSchema.Migrate(connection, StorePath)).ShouldBeOfType<DuckDBException>();

        StoreSchema.ReadVersion(connection, StorePath).ShouldBe(1);
    }
}
