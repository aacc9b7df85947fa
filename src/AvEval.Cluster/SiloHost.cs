using System.Net;
using AvEval.Cluster.Internal;
using AvEval.Suites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AvEval.Cluster;

/// <summary>
/// A worker silo (<c>aveval silo</c>): an Orleans silo that hosts <see cref="ICaseBatchGrain"/>s and judges the items a
/// coordinator sends. Membership: localhost development clustering (the silo on the primary endpoint holds the table) or
/// ADO.NET on PostgreSQL. Failure detection is tuned for seconds, not the default minute, so that a killed silo's
/// items are retried elsewhere soon.
/// </summary>
public static class SiloHost
{
    /// <summary>Builds a silo host; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    /// <param name="cluster">How silos find each other.</param>
    /// <param name="endpoint">The address this silo listens on for silos (its gateway on the next port); null for the primary's endpoint (localhost) or 127.0.0.1:11111.</param>
    /// <param name="catalogs">Opens the learned-evaluator catalog of a scenarios folder for a device (AvEval.Learned's registry).</param>
    public static IHost Build(ClusterAddress cluster, IPEndPoint? endpoint, Func<string, EvaluatorDevice, IEvaluatorCatalog> catalogs)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(catalogs);
        var listen = endpoint ?? cluster.Primary ?? new IPEndPoint(IPAddress.Loopback, ClusterAddress.DefaultPrimaryPort);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new SuiteWorkers(catalogs));
        builder.UseOrleans(silo =>
        {
            if (cluster.Primary is { } primary)
            {
                silo.UseLocalhostClustering(listen.Port, ClusterAddress.GatewayOf(listen.Port), primary, ClusterAddress.ClusterId, ClusterAddress.ClusterId);
            }
            else
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterAddress.ClusterId, ClusterAddress.ClusterId));
                silo.ConfigureEndpoints(listen.Address, listen.Port, ClusterAddress.GatewayOf(listen.Port), listenOnAnyHostAddress: false);
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgreSqlMembership.Invariant, cluster.PostgreSql));
            }

            // The coordinator bounds each item itself (ClusterRunner.ItemTimeout); a batch may take longer than Orleans' 30 s default.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 3;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
        });
        return builder.Build();
    }
}
