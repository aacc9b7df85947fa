using System.Diagnostics;

namespace AvEval.Cluster.Tests;

/// <summary>
/// Real <c>aveval silo</c> processes on loopback under localhost clustering: silo 0 is the primary (it holds the
/// membership table), the others join it. Ports are drawn at random so that test classes do not collide.
/// </summary>
public sealed class LoopbackCluster : IDisposable
{
    private readonly List<Process> _silos = [];

    public LoopbackCluster(int silos)
    {
        PrimaryPort = 20000 + (Random.Shared.Next(0, 4000) * 10);
        for (int i = 0; i < silos; i++)
        {
            Start(i);
        }
    }

    public int PrimaryPort { get; }

    /// <summary>The <c>--cluster</c> value.</summary>
    public string Cluster => $"localhost:{PrimaryPort}";

    public ClusterAddress Address => ClusterAddress.Parse(Cluster, "--cluster");

    /// <summary>The aveval entry assembly copied beside the tests.</summary>
    public static string Aveval { get; } = Path.Combine(AppContext.BaseDirectory, "aveval.dll");

    /// <summary>Kills a silo with SIGKILL (no goodbye to the cluster).</summary>
    public void Kill(int silo)
    {
        _silos[silo].Kill();
        _silos[silo].WaitForExit(5000);
    }

    public bool IsRunning(int silo) => !_silos[silo].HasExited;

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            try
            {
                if (!silo.HasExited)
                {
                    silo.Kill();
                    silo.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            silo.Dispose();
        }
    }

    /// <summary>Starts an aveval process with the given arguments, standard output and error captured.</summary>
    public static Process StartAveval(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Aveval);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["AVEVAL_DEVICE"] = "cpu";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private void Start(int index)
    {
        int port = PrimaryPort + (2 * index);
        var silo = StartAveval("silo", "--cluster", Cluster, "--endpoint", $"127.0.0.1:{port}");
        _silos.Add(silo);
        var errors = new System.Text.StringBuilder();
        silo.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        silo.BeginErrorReadLine();
        var joined = silo.StandardOutput.ReadLineAsync();
        if (!joined.Wait(TimeSpan.FromSeconds(60)) || joined.Result is not { } line || !line.StartsWith("silo joined cluster", StringComparison.Ordinal))
        {
            string err;
            lock (errors)
            {
                err = errors.ToString();
            }

            throw new InvalidOperationException($"silo {index} on port {port} did not join: {err}");
        }
    }
}
