using AvEval.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AvEval.Cluster;

/// <summary>The coordinator's connection to a cluster: an Orleans client through the primary silo's gateway (localhost) or the gateways PostgreSQL lists.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, string cluster)
    {
        _host = host;
        Cluster = cluster;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The cluster as given.</summary>
    public string Cluster { get; }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects; retries for up to <paramref name="timeout"/> while no gateway answers yet.</summary>
    /// <exception cref="ClusterException">No gateway could be reached.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress cluster, string text, TimeSpan timeout, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var deadline = DateTimeOffset.UtcNow + timeout;
        builder.UseOrleansClient(client =>
        {
            if (cluster.Primary is { } primary)
            {
                client.UseLocalhostClustering(ClusterAddress.GatewayOf(primary.Port), ClusterAddress.ClusterId, ClusterAddress.ClusterId);
            }
            else
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterAddress.ClusterId, ClusterAddress.ClusterId));
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgreSqlMembership.Invariant, cluster.PostgreSql));
            }

            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(250, token).ConfigureAwait(false);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw ClusterException.Unreachable(text, e);
        }

        return new ClusterConnection(host, text);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
