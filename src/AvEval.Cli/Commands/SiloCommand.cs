using System.CommandLine;
using AvEval.Cluster;
using AvEval.Learned.Suites;
using Microsoft.Extensions.Hosting;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval silo --cluster &lt;connection&gt; [--endpoint &lt;host:port&gt;]</c>: starts a worker silo that judges the
/// items coordinators send (<see cref="SiloHost"/>) and runs until stopped (Ctrl+C, SIGTERM). Under
/// <c>--cluster localhost</c> the first silo listens on the primary endpoint (<c>127.0.0.1:11111</c>) and holds the
/// membership table; give every other silo on the machine its own <c>--endpoint</c> (its gateway takes the next port).
/// It prints one line when it has joined.
/// </summary>
internal static class SiloCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var cluster = new Option<string>("--cluster") { Description = "localhost, localhost:<primary port>, or a PostgreSQL connection string for ADO.NET membership.", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "The address this silo listens on for other silos, e.g. 127.0.0.1:11113 (its gateway takes the next port); default: the primary's endpoint under localhost clustering, else 127.0.0.1:11111." };
        var command = new Command("silo", "Start a worker silo of an AvEval cluster (Microsoft Orleans) that judges the cases coordinators send; runs until stopped.") { cluster, endpoint };
        command.SetAction(parse => Execute(parse.GetValue(cluster)!, parse.GetValue(endpoint), environment));
        return command;
    }

    /// <summary>Runs a silo until the process is told to stop.</summary>
    public static int Execute(string cluster, string? endpoint, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var address = ClusterAddress.Parse(cluster, "--cluster");
        var listen = endpoint is null ? null : ClusterAddress.ParseEndpoint(endpoint, "--endpoint");
        using var host = SiloHost.Build(address, listen, (folder, device) => RegistryEvaluatorCatalog.Open(folder, device, environment.Error));
        host.StartAsync().GetAwaiter().GetResult();
        var at = listen ?? address.Primary;
        environment.Output.WriteLine($"silo joined cluster '{cluster}'{(at is null ? "" : $", listening on {at} (gateway {ClusterAddress.GatewayOf(at.Port)})")}; stop it with Ctrl+C or SIGTERM");
        environment.Output.Flush();
        // Stop on SIGTERM or Ctrl+C, leaving the cluster within a bounded time (graceful shutdown may wait on peers).
        using var stop = new ManualResetEventSlim();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        stop.Wait();
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            host.StopAsync(bounded.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // the silo did not leave gracefully in time; the process ends anyway and peers declare it dead
        }

        return ExitCodes.Success;
    }
}
