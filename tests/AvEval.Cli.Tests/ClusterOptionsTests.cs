namespace AvEval.Cli.Tests;

/// <summary>The command-line checks of <c>aveval run --cluster/--resume</c> and <c>aveval silo</c> that need no cluster (AvEval.Cluster.Tests runs real silos).</summary>
public sealed class ClusterOptionsTests
{
    private static readonly string Scenarios = ShardedRuns.Scenarios;

    [Fact]
    public void RunCluster_NotAConnection_ExitsTwoSayingWhatIsAllowed()
    {
        var run = CliRun.Of("run", "--suite", Scenarios, "--filter", "behaviors/cut_in_response/*.yaml", "--cluster", "my-cluster");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --cluster is 'my-cluster', but it must be 'localhost', 'localhost:<port>' or a PostgreSQL connection string ('Host=...;Database=...;Username=...;Password=...'); pass one of those.");
    }

    [Fact]
    public void RunCluster_WithBaseline_ExitsTwo()
    {
        var run = CliRun.Of("run", "--suite", Scenarios, "--cluster", "localhost", "--baseline", "rc-2026.12.1", "--candidate", "rc-2026.12.2-short-gap");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --cluster and --baseline cannot be used together; run with one of them.");
    }

    [Fact]
    public void Silo_BadEndpoint_ExitsTwoBeforeStarting()
    {
        var run = CliRun.Of("silo", "--cluster", "localhost", "--endpoint", "here");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --endpoint is 'here', but it must be an IP address and port such as '127.0.0.1:11113'; pass the address this silo listens on.");
    }
}
