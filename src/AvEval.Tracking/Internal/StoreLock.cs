using System.Diagnostics;
using System.Globalization;
using AvEval.Errors;

namespace AvEval.Tracking.Internal;

/// <summary>
/// The store's exclusive lock: a <c>.lock</c> file beside the store opened with <see cref="FileShare.None"/> (an
/// <c>flock</c> on Linux, released by the kernel when the holder dies, SIGKILL included). Every open of the store takes
/// it, so that one process at a time has the DuckDB file open: DuckDB allows one writer process. Waiting is bounded,
/// with exponential backoff and jitter. A waiter leaves a marker file (<c>&lt;store&gt;.lock.wait.&lt;pid&gt;.&lt;id&gt;</c>)
/// while it waits, so that a holder that keeps the store open between writes (<see cref="StoreSession"/>) hands it over;
/// a holder looks for markers with <see cref="OthersWaiting"/>, which ignores the markers of processes that died.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private const string WaitInfix = ".lock.wait.";

    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="store"/>, waiting at most <paramref name="timeout"/>; lets waiters that were there first go first.</summary>
    public static StoreLock Acquire(string store, TimeSpan timeout)
    {
        string path = store + ".lock";
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(2);
        string? marker = null;
        try
        {
            if (OthersWaiting(store))
            {
                marker = Mark(store);
                Backoff(store, clock, timeout, ref delay);
            }

            while (true)
            {
                try
                {
                    return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Held by another process (or another open in this one): say so, back off and retry until the deadline.
                    marker ??= Mark(store);
                    Backoff(store, clock, timeout, ref delay);
                }
            }
        }
        finally
        {
            if (marker is not null)
            {
                File.Delete(marker);
            }
        }
    }

    /// <summary>Whether a live process (this one included, for another open of the store) is waiting for the lock.</summary>
    public static bool OthersWaiting(string store)
    {
        string full = System.IO.Path.GetFullPath(store);
        string? folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            return false;
        }

        foreach (string marker in Directory.EnumerateFiles(folder, System.IO.Path.GetFileName(full) + WaitInfix + "*"))
        {
            string rest = System.IO.Path.GetFileName(marker)[(System.IO.Path.GetFileName(full).Length + WaitInfix.Length)..];
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && Alive(pid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sleeps before the next try, or throws <see cref="ResultStoreException.Busy"/> past the deadline.</summary>
    public static void Backoff(string store, Stopwatch clock, TimeSpan timeout, ref TimeSpan delay)
    {
        if (clock.Elapsed >= timeout)
        {
            throw ResultStoreException.Busy(store, clock.Elapsed);
        }

        Thread.Sleep(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1 + (int)delay.TotalMilliseconds)));
        delay = TimeSpan.FromMilliseconds(Math.Min(100, delay.TotalMilliseconds * 2));
    }

    public void Dispose() => _file.Dispose();

    private static string Mark(string store)
    {
        string marker = string.Create(CultureInfo.InvariantCulture, $"{System.IO.Path.GetFullPath(store)}{WaitInfix}{Environment.ProcessId}.{Guid.NewGuid():N}");
        File.WriteAllBytes(marker, []);
        return marker;
    }

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
