using System.Diagnostics;
using AvEval.Errors;

namespace AvEval.Tracking.Internal;

/// <summary>
/// The store's exclusive lock: a <c>.lock</c> file beside the store opened with <see cref="FileShare.None"/> (an
/// <c>flock</c> on Linux, released by the kernel when the holder dies, SIGKILL included). Every open of the store takes
/// it, so that one process at a time has the DuckDB file open: DuckDB allows one writer process. Waiting is bounded,
/// with exponential backoff and jitter.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="store"/>, waiting at most <paramref name="timeout"/>.</summary>
    public static StoreLock Acquire(string store, TimeSpan timeout)
    {
        string path = store + ".lock";
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            try
            {
                return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another process (or another open in this one): back off and retry until the deadline.
                Backoff(store, clock, timeout, ref delay);
            }
        }
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
}
