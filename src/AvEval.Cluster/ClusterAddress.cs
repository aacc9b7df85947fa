using System.Globalization;
using System.Net;
using AvEval.Errors;

namespace AvEval.Cluster;

/// <summary>
/// How silos find each other (<c>--cluster</c>): <c>localhost[:port]</c> for development clustering on one machine (the
/// primary silo, which holds the membership table, listens on <c>127.0.0.1:port</c>, default
/// <see cref="DefaultPrimaryPort"/>), or an ADO.NET connection string for PostgreSQL membership
/// (<c>Host=db;Database=orleans;Username=...;Password=...</c>) for real multi-machine use. A silo's gateway, which clients
/// connect to, listens on its silo port + 1.
/// </summary>
/// <param name="Primary">For localhost clustering: the primary silo's endpoint; null for PostgreSQL membership.</param>
/// <param name="PostgreSql">For PostgreSQL membership: the connection string; null for localhost clustering.</param>
public sealed record ClusterAddress(IPEndPoint? Primary, string? PostgreSql)
{
    /// <summary>The primary silo's port under <c>--cluster localhost</c>.</summary>
    public const int DefaultPrimaryPort = 11111;

    /// <summary>The Orleans cluster and service id every AvEval silo and client uses.</summary>
    public const string ClusterId = "aveval";

    /// <summary>Whether this is development clustering on one machine.</summary>
    public bool IsLocalhost => Primary is not null;

    /// <summary>The gateway port of a silo listening on <paramref name="siloPort"/>.</summary>
    public static int GatewayOf(int siloPort) => siloPort + 1;

    /// <summary>Parses <c>--cluster</c>.</summary>
    /// <param name="text"><c>localhost</c>, <c>localhost:port</c>, or a PostgreSQL connection string (it holds <c>Host=</c>).</param>
    /// <param name="setting">The option, for the message.</param>
    /// <exception cref="ClusterException">Anything else.</exception>
    public static ClusterAddress Parse(string text, string setting)
    {
        ArgumentNullException.ThrowIfNull(text);
        string value = text.Trim();
        if (value.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ClusterAddress(new IPEndPoint(IPAddress.Loopback, DefaultPrimaryPort), null);
        }

        if (value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(value["localhost:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65535
                ? new ClusterAddress(new IPEndPoint(IPAddress.Loopback, port), null)
                : throw ClusterException.BadCluster(setting, text);
        }

        return value.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new ClusterAddress(null, value)
            : throw ClusterException.BadCluster(setting, text);
    }

    /// <summary>Parses <c>--endpoint host:port</c>, the address a silo listens on for other silos.</summary>
    /// <exception cref="ClusterException">Not an IP address and port.</exception>
    public static IPEndPoint ParseEndpoint(string text, string setting)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IPEndPoint.TryParse(text.Trim(), out var endpoint) && endpoint.Port is > 0 and < 65535
            ? endpoint
            : throw ClusterException.BadEndpoint(setting, text);
    }
}
