using System.Diagnostics;
using System.Runtime.ExceptionServices;
using AvEval.Runs;

namespace AvEval.Suites.Internal;

/// <summary>
/// Records a run on a writer thread of its own, so that the runner judges the next cases while the store writes the
/// last ones (group commit: each write takes every case that arrived since the one before). <see cref="Begin"/> is the
/// writer's first write, so judging starts at once and the run is in the store a moment later; <see cref="Record"/>
/// hands cases over and returns; a write starts once <c>maxBatch</c> cases wait or <c>gather</c> after the first of them
/// arrived; <see cref="Finish"/> waits for every write and then ends the run. A write that fails stops the writing: the
/// next <see cref="Record"/> rethrows its exception, and the run is finished <see cref="RunStatus.Failed"/> whatever
/// status the runner asks for (rethrown then too when the runner thought it complete; a run whose begin failed is not in
/// the store, so it is not finished, and the error is rethrown). A process killed mid-run loses the cases not yet
/// written: at most <c>maxBatch</c> waiting or <c>gather</c> of judging, and the write in flight.
/// </summary>
internal sealed class BackgroundRecorder : IRunRecorder, IDisposable
{
    private readonly IRunRecorder _inner;
    private readonly int _maxBatch;
    private readonly TimeSpan _gather;
    private readonly object _gate = new();
    private readonly List<CaseRecord> _pending = [];
    private readonly Thread _writer;
    private RunManifest? _manifest;
    private bool _begun;
    private long _firstPendingAt;
    private bool _closing;
    private ExceptionDispatchInfo? _failure;

    public BackgroundRecorder(IRunRecorder inner, int maxBatch, TimeSpan gather)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _inner = inner;
        _maxBatch = maxBatch;
        _gather = gather;
        _writer = new Thread(Write) { IsBackground = true, Name = "AvEval run recorder" };
    }

    public void Begin(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _manifest = manifest;
        _writer.Start();
    }

    public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        lock (_gate)
        {
            // Back-pressure: a store slower than the judging holds the runner at one batch waiting, not the whole run in memory.
            while (_pending.Count >= _maxBatch && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            _failure?.Throw();
            if (_pending.Count == 0)
            {
                _firstPendingAt = Stopwatch.GetTimestamp();
            }

            _pending.AddRange(cases);
            Monitor.PulseAll(_gate);
        }
    }

    public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt)
    {
        Close();
        if (_failure is null)
        {
            _inner.Finish(run, status, endedAt);
            return;
        }

        if (!_begun)
        {
            _failure.Throw();
        }

        // Cases were lost: the run did not finish as the runner believes.
        _inner.Finish(run, RunStatus.Failed, endedAt);
        if (status == RunStatus.Complete)
        {
            _failure.Throw();
        }
    }

    public void Dispose() => Close();

    /// <summary>Asks the writer to write what waits and stop, and waits for it.</summary>
    private void Close()
    {
        lock (_gate)
        {
            _closing = true;
            Monitor.PulseAll(_gate);
        }

        if (_writer.IsAlive)
        {
            _writer.Join();
        }
    }

    private void Write()
    {
        if (!Guarded(() => _inner.Begin(_manifest!)))
        {
            return;
        }

        _begun = true;
        while (true)
        {
            CaseRecord[] batch;
            lock (_gate)
            {
                while (!Due())
                {
                    if (_pending.Count == 0)
                    {
                        Monitor.Wait(_gate);
                    }
                    else
                    {
                        var left = _gather - Stopwatch.GetElapsedTime(_firstPendingAt);
                        Monitor.Wait(_gate, left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    }
                }

                if (_pending.Count == 0 || _failure is not null)
                {
                    return;
                }

                int take = Math.Min(_pending.Count, _maxBatch);
                batch = [.. _pending.GetRange(0, take)];
                _pending.RemoveRange(0, take);
                _firstPendingAt = Stopwatch.GetTimestamp();
                Monitor.PulseAll(_gate);
            }

            if (!Guarded(() => _inner.Record(_manifest!.Id, batch)))
            {
                return;
            }
        }
    }

    /// <summary>Runs one write; a failure is kept for the runner's thread (and wakes it), and false returned.</summary>
    private bool Guarded(Action write)
    {
        try
        {
            write();
            return true;
        }
#pragma warning disable CA1031 // Any write failure is handed to the runner's thread, which fails the run with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                Monitor.PulseAll(_gate);
            }

            return false;
        }
    }

    /// <summary>Whether the writer should act now (under the gate): a full batch, a batch gathered long enough, or closing.</summary>
    private bool Due() =>
        _closing || _failure is not null || _pending.Count >= _maxBatch || (_pending.Count > 0 && Stopwatch.GetElapsedTime(_firstPendingAt) >= _gather);
}
