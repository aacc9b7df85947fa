using System.Globalization;

namespace AvEval.Errors;

/// <summary>
/// A run across a cluster cannot go on as asked: a cluster or endpoint setting is malformed, the cluster cannot be
/// reached, a silo reads a suite whose content differs from the run's manifest, or an item failed on every attempt. The
/// message names the setting, item or silo and says what to do.
/// </summary>
public sealed class ClusterException : AvEvalException
{
    private ClusterException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary><c>--cluster</c> is neither <c>localhost[:port]</c> nor a PostgreSQL connection string.</summary>
    public static ClusterException BadCluster(string setting, string value) =>
        new($"{setting} is '{value}', but it must be 'localhost', 'localhost:<port>' or a PostgreSQL connection string ('Host=...;Database=...;Username=...;Password=...'); pass one of those.");

    /// <summary><c>--endpoint</c> is not an IP address and port.</summary>
    public static ClusterException BadEndpoint(string setting, string value) =>
        new($"{setting} is '{value}', but it must be an IP address and port such as '127.0.0.1:11113'; pass the address this silo listens on.");

    /// <summary>The coordinator could not connect to any gateway.</summary>
    public static ClusterException Unreachable(string cluster, Exception inner) =>
        new($"cluster '{cluster}' cannot be reached ({inner.Message.TrimEnd('.')}); start a silo first ('aveval silo --cluster {cluster}') and check the address.", inner);

    /// <summary>A silo's copy of the suite hashes differently from the run's manifest.</summary>
    public static ClusterException SuiteMismatch(string silo, string folder, string expected, string actual) =>
        new($"silo '{silo}' reads suite '{folder}' with SHA-256 '{actual}', but the run's manifest says '{expected}'; give every silo the same scenarios, logs and models as the coordinator.");

    /// <summary>An item failed on every attempt.</summary>
    public static ClusterException ItemFailed(int item, string firstCase, int attempts, string cause) =>
        new(string.Create(CultureInfo.InvariantCulture, $"item {item} (from case '{firstCase}') failed on all {attempts} attempts, last with: {cause.TrimEnd('.')}; the run is recorded as failed; fix the cause and run the suite again."));

    /// <summary>A run asked to be resumed is not in the store or is not running.</summary>
    public static ClusterException CannotResume(string run, string store, string status) =>
        new($"run '{run}' in '{store}' is '{status}', so there is nothing to resume; resume a run that a coordinator left 'running'.");
}
