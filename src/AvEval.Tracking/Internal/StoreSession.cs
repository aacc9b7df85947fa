using DuckDB.NET.Data;

namespace AvEval.Tracking.Internal;

/// <summary>
/// The open store of one <see cref="DuckDbResultStore"/>: its lock and one DuckDB connection, opened (and migrated) by
/// <see cref="Use{T}"/> and closed after each call, except while the instance records a run (<see cref="Hold"/> to
/// <see cref="Release"/>). Then it stays open between calls, so that a batch costs its appends and its commit rather
/// than an open and a checkpoint (each commit is durable in DuckDB's write-ahead log; a process killed while holding
/// leaves the log, which the next open replays). A holder hands the store over as soon as anybody waits for the lock: a
/// watch every <see cref="WatchInterval"/> looks for waiters' markers (<see cref="StoreLock.OthersWaiting"/>) and closes
/// the store between calls; the next call opens it again, after the waiters.
/// </summary>
internal sealed class StoreSession
{
    /// <summary>How often a holder looks for waiters: the longest another process waits for a store held between writes.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _path;
    private readonly TimeSpan _timeout;
    private readonly Func<string, TimeSpan, DuckDBConnection> _connect;
    private readonly object _gate = new();
    private StoreLock? _lock;
    private DuckDBConnection? _connection;
    private int _holds;
    private Timer? _watch;

    /// <summary>How many times the store was opened: state read from an earlier opening may be stale (another process may have written since).</summary>
    public int Epoch { get; private set; }

    public StoreSession(string path, TimeSpan timeout, Func<string, TimeSpan, DuckDBConnection> connect)
    {
        _path = path;
        _timeout = timeout;
        _connect = connect;
    }

    /// <summary>Runs <paramref name="work"/> on the open, migrated store, one call at a time; the store is closed afterwards unless held, and after any exception.</summary>
    public T Use<T>(Func<DuckDBConnection, T> work)
    {
        lock (_gate)
        {
            bool failed = true;
            try
            {
                var connection = _connection ?? Open();
                var result = work(connection);
                failed = false;
                return result;
            }
            finally
            {
                if (failed || _holds == 0)
                {
                    Close();
                }
            }
        }
    }

    /// <summary>Keeps the store open between calls until the matching <see cref="Release"/> (or until somebody waits).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _holds++;
            _watch ??= new Timer(_ => Watch(), null, WatchInterval, WatchInterval);
        }
    }

    /// <summary>Ends one <see cref="Hold"/>; the last closes the store.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_holds == 0)
            {
                return;
            }

            if (--_holds == 0)
            {
                _watch?.Dispose();
                _watch = null;
                Close();
            }
        }
    }

    private DuckDBConnection Open()
    {
        var held = StoreLock.Acquire(_path, _timeout);
        try
        {
            var connection = _connect(_path, _timeout);
            _lock = held;
            _connection = connection;
            Epoch++;
            StoreSchema.Migrate(connection, _path);
            return connection;
        }
        catch
        {
            Close();
            held.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _connection?.Dispose();
        _connection = null;
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>Hands the store over between calls when somebody waits (a call in progress finishes first: the watch skips it).</summary>
    private void Watch()
    {
        if (!Monitor.TryEnter(_gate))
        {
            return;
        }

        try
        {
            if (_connection is not null && StoreLock.OthersWaiting(_path))
            {
                Close();
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }
}
