using System.Diagnostics;
using AvEval.Runs;

namespace AvEval.Tracking.Benchmarks;

/// <summary>Passes every call to a recorder (or to none) and sums the time spent in each kind of call.</summary>
internal sealed class TimedRecorder(IRunRecorder? inner) : IRunRecorder
{
    private readonly Stopwatch _begin = new();
    private readonly Stopwatch _record = new();
    private readonly Stopwatch _finish = new();

    public TimeSpan Spent => _begin.Elapsed + _record.Elapsed + _finish.Elapsed;

    public int Cases { get; private set; }

    public int Writes { get; private set; }

    /// <summary>Where the time went: begin, the writes (on the runner's writer thread) and finish, in milliseconds.</summary>
    public string Breakdown => FormattableString.Invariant($"begin {_begin.Elapsed.TotalMilliseconds:F0} ms, {Writes} writes {_record.Elapsed.TotalMilliseconds:F0} ms, finish {_finish.Elapsed.TotalMilliseconds:F0} ms");

    public void Begin(RunManifest manifest) => Time(_begin, () => inner?.Begin(manifest));

    public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
    {
        Cases += cases.Count;
        Writes++;
        Time(_record, () => inner?.Record(run, cases));
    }

    public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => Time(_finish, () => inner?.Finish(run, status, endedAt));

    private static void Time(Stopwatch watch, Action call)
    {
        watch.Start();
        call();
        watch.Stop();
    }
}
