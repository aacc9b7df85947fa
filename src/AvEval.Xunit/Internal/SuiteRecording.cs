using AvEval.Runs;

namespace AvEval.Xunit.Internal;

/// <summary>The recording of one suite's run in a test process: its manifest, the cases judged but not yet recorded, and the first store error.</summary>
internal sealed class SuiteRecording(RunManifest manifest, DateTimeOffset started)
{
    public RunManifest Manifest { get; } = manifest;

    public List<CaseRecord> Pending { get; } = new(Suites.SuiteRunner.RecordBatchSize);

    public DateTimeOffset LastFlush { get; set; } = started;

    /// <summary>Cases recorded so far (after the last successful write).</summary>
    public int Recorded { get; set; }

    /// <summary>The first error writing this run; the run then finishes <see cref="RunStatus.Failed"/>.</summary>
    public Exception? Error { get; set; }
}
