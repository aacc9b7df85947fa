using System.Diagnostics;
using AvEval.Runs;

namespace AvEval.Tracking.Benchmarks;

/// <summary>Passes every call to a recorder (or to none) and sums the time spent in it.</summary>
internal sealed class TimedRecorder(IRunRecorder? inner) : IRunRecorder
{
    private readonly Stopwatch _spent = new();

    public TimeSpan Spent => _spent.Elapsed;

    public int Cases { get; private set; }

    public void Begin(RunManifest manifest) => Time(() => inner?.Begin(manifest));

    public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
    {
        Cases += cases.Count;
        Time(() => inner?.Record(run, cases));
    }

    public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt) => Time(() => inner?.Finish(run, status, endedAt));

    private void Time(Action call)
    {
        _spent.Start();
        call();
        _spent.Stop();
    }
}
