using AvEval.Runs;

namespace AvEval.Tests.Suites;

/// <summary>
/// A test double of <see cref="IRunRecorder"/>: the real one is the DuckDB store of AvEval.Tracking, which Core's tests
/// cannot reference. It keeps every call in order, and can fail on <see cref="Record"/> as a full disk would.
/// </summary>
internal sealed class SpyRecorder(Exception? failOnRecord = null) : IRunRecorder
{
    public List<string> Calls { get; } = [];

    public RunManifest? Manifest { get; private set; }

    public List<CaseRecord> Cases { get; } = [];

    public RunStatus? Status { get; private set; }

    public void Begin(RunManifest manifest)
    {
        Manifest = manifest;
        Calls.Add("begin");
    }

    public void Record(RunId run, IReadOnlyList<CaseRecord> cases)
    {
        Calls.Add("record");
        if (failOnRecord is not null)
        {
            throw failOnRecord;
        }

        Cases.AddRange(cases);
    }

    public void Finish(RunId run, RunStatus status, DateTimeOffset endedAt)
    {
        Status = status;
        Calls.Add($"finish {status}");
    }
}
