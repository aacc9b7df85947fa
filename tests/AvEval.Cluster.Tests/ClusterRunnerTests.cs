using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Cluster.Tests;

/// <summary>
/// <see cref="ClusterRunner"/> against three real silo processes on loopback: the same case records as a single-process
/// run, work spread over the silos, and an item that fails on every silo reported with its cause.
/// </summary>
public sealed class ClusterRunnerTests(ThreeSilos silos) : IClassFixture<ThreeSilos>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_ThreeSilos_CaseRecordsEqualTheSingleProcessRun()
    {
        var (suite, cases, catalog) = SmallSuite.Open();
        using var _ = catalog;
        var store = DuckDbResultStore.Open(_folder.PathOf("cluster.duckdb"));
        await using var connection = await ClusterConnection.ConnectAsync(silos.Cluster.Address, silos.Cluster.Cluster, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var result = await new ClusterRunner(connection.Client) { BatchSize = 2 }.RunAsync(suite, SmallSuite.Pattern, cases, SmallSuite.Settings, store, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(RunStatus.Complete);
        result.Items.ShouldBe(14, "27 cases in items of 2");
        store.GetRun(result.Manifest.Id).Status.ShouldBe(RunStatus.Complete);
        var stored = store.GetCases(result.Manifest.Id);
        stored.Select(c => c.Key).ShouldBe(SmallSuite.Reference.Select(c => c.Key));
        SmallSuite.Json(stored).ShouldBe(SmallSuite.Json(SmallSuite.Reference));
        stored.Count(c => c.BlocksRelease).ShouldBeGreaterThan(0, "the short-gap candidate fails some scenarios");
        result.Silos.Count.ShouldBeGreaterThanOrEqualTo(2, "random placement spreads 14 items over the three silos");
        result.Silos.Values.Sum().ShouldBe(27);
    }

    [Fact]
    public async Task RunAsync_SuiteHashNoSiloHas_FailsTheRunNamingTheItemAndTheCause()
    {
        var (suite, cases, catalog) = SmallSuite.Open();
        using var _ = catalog;
        var store = DuckDbResultStore.Open(_folder.PathOf("failing.duckdb"));
        var started = DateTimeOffset.UtcNow;
        var manifest = ManifestBuilder.Build(RunId.New(started), suite, cases, SmallSuite.Settings, started) with { SuiteSha256 = new string('0', 64) };
        await using var connection = await ClusterConnection.ConnectAsync(silos.Cluster.Address, silos.Cluster.Cluster, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var runner = new ClusterRunner(connection.Client) { BatchSize = 27, MaxAttempts = 3 };

        var error = await Record.ExceptionAsync(() => runner.RunUnderAsync(manifest, SmallSuite.Pattern, cases, store, TestContext.Current.CancellationToken));

        Assert.IsType<ClusterException>(error);
        error.Message.ShouldStartWith($"item 0 (from case '{cases[0].DisplayName}') failed on all 3 attempts, last with: ");
        error.Message.ShouldContain($"reads suite '{SmallSuite.Folder}' with SHA-256 '");
        error.Message.ShouldContain($"but the run's manifest says '{new string('0', 64)}'");
        store.GetRun(manifest.Id).Status.ShouldBe(RunStatus.Failed);
        store.GetCases(manifest.Id).ShouldBeEmpty();
    }
}
