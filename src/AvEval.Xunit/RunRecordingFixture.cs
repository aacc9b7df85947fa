using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;
using AvEval.Xunit.Internal;
using Xunit;

namespace AvEval.Xunit;

/// <summary>
/// The run fixture: records the cases that <see cref="ScenarioRunner.Verify"/> judges in this test process into the
/// results store of <c>AVEVAL_STORE</c> (nothing when it is unset), as <c>aveval run</c> records its runs. Register it once
/// per test assembly: <c>[assembly: AssemblyFixture(typeof(RunRecordingFixture))]</c>.
/// </summary>
/// <remarks>
/// A run is begun per suite at its first case, with the manifest <c>aveval run</c> writes for the whole suite
/// (<see cref="ManifestBuilder"/> over every scenario of the suite for the candidates of <c>AVEVAL_CANDIDATES</c>, since a
/// test process does not know up front which cases a filter leaves); the run's case count is what was recorded. Cases go
/// to the store in batches (<see cref="SuiteRunner.RecordBatchSize"/> cases or <see cref="SuiteRunner.RecordBatchInterval"/>).
/// When the test assembly ends, the fixture is disposed: the rest is recorded and each run finished
/// <see cref="RunStatus.Complete"/>, or <see cref="RunStatus.Cancelled"/> when the test run was cancelled, or
/// <see cref="RunStatus.Failed"/> when a write failed. A test process that dies before that leaves its runs
/// <see cref="RunStatus.Running"/>: a run that did not finish is never recorded as finished. A case whose store write
/// fails fails with the store's error.
/// </remarks>
public sealed class RunRecordingFixture : IDisposable
{
    private readonly ScenarioRunner _runner;
    private readonly Func<string, IRunRecorder> _open;
    private readonly TimeProvider _clock;
    private readonly Func<bool> _cancelled;
    private readonly Lock _gate = new();
    private readonly Dictionary<Suite, SuiteRecording> _runs = new(ReferenceEqualityComparer.Instance);
    private IRunRecorder? _recorder;
    private bool _disposed;

    /// <summary>Records the cases of <see cref="ScenarioRunner.Shared"/> into the DuckDB store of <c>AVEVAL_STORE</c>.</summary>
    public RunRecordingFixture()
        : this(ScenarioRunner.Shared, path => DuckDbResultStore.Open(path), TimeProvider.System, () => TestContext.Current.CancellationToken.IsCancellationRequested)
    {
    }

    /// <summary>(For tests: xunit allows one public constructor.) Records the cases <paramref name="runner"/> verifies into the recorder <paramref name="open"/> makes for the store path.</summary>
    /// <param name="runner">The runner whose <see cref="ScenarioRunner.Verify"/> calls are recorded; one fixture per runner.</param>
    /// <param name="open">Opens the recorder of a store path (called once, at the first case).</param>
    /// <param name="clock">The wall clock of start and end times and batching; null for the system clock.</param>
    /// <param name="cancelled">Says at disposal whether the test run was cancelled; null for never.</param>
    /// <exception cref="InvalidOperationException">The runner already has a recording fixture.</exception>
    internal RunRecordingFixture(ScenarioRunner runner, Func<string, IRunRecorder> open, TimeProvider? clock = null, Func<bool>? cancelled = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(open);
        _runner = runner;
        _open = open;
        _clock = clock ?? TimeProvider.System;
        _cancelled = cancelled ?? (() => false);
        runner.Attach(this);
    }

    /// <summary>The runs begun so far, in the order their first case was judged.</summary>
    public IReadOnlyList<RunId> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs.Values.Select(r => r.Manifest.Id)];
            }
        }
    }

    /// <summary>Records a judged case of <paramref name="suite"/> (begins its run at the first); nothing when <c>AVEVAL_STORE</c> is unset.</summary>
    /// <exception cref="ResultStoreException">The store cannot be opened or written; the message names the file and what to do.</exception>
    internal void Add(ScenarioSuite suite, CaseOutcome outcome)
    {
        if (_runner.Settings.Store is not { } store)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _recorder ??= _open(store);
            if (!_runs.TryGetValue(suite.Core, out var run))
            {
                var started = _clock.GetUtcNow();
                var manifest = ManifestBuilder.Build(RunId.New(started), suite.Core, suite.Core.Discover(Suite.AllScenarios, CandidatesOf(suite)), _runner.Settings, started);
                _recorder.Begin(manifest);
                run = new SuiteRecording(manifest, started);
                _runs.Add(suite.Core, run);
            }

            run.Pending.Add(outcome.Record);
            if (run.Pending.Count >= SuiteRunner.RecordBatchSize || _clock.GetUtcNow() - run.LastFlush >= SuiteRunner.RecordBatchInterval)
            {
                Flush(run);
            }
        }
    }

    /// <summary>Records what is pending and finishes every run (complete, cancelled, or failed after a write error).</summary>
    /// <exception cref="ResultStoreException">A run could not be finished; it stays running in the store.</exception>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _runner.Detach(this);
            bool cancelled = _cancelled();
            foreach (var run in _runs.Values)
            {
                if (run.Error is null)
                {
                    try
                    {
                        Flush(run);
                    }
                    catch (AvEvalException)
                    {
                        // Kept on the run, which finishes failed below.
                    }
                }

                var status = run.Error is not null ? RunStatus.Failed : cancelled ? RunStatus.Cancelled : RunStatus.Complete;
                _recorder!.Finish(run.Manifest.Id, status, _clock.GetUtcNow());
            }
        }
    }

    private void Flush(SuiteRecording run)
    {
        if (run.Pending.Count > 0)
        {
            try
            {
                _recorder!.Record(run.Manifest.Id, [.. run.Pending]);
            }
            catch (AvEvalException e)
            {
                run.Error ??= e;
                throw;
            }

            run.Recorded += run.Pending.Count;
            run.Pending.Clear();
        }

        run.LastFlush = _clock.GetUtcNow();
    }

    /// <summary>The candidates of the settings; those it names that are unknown are left out (their cases fail on their own).</summary>
    private IReadOnlyList<ICandidate> CandidatesOf(ScenarioSuite suite)
    {
        try
        {
            return suite.SelectCandidates(_runner.Settings.Candidates);
        }
        catch (SuiteSettingsException)
        {
            return [.. _runner.Settings.Candidates.Distinct(StringComparer.Ordinal).SelectMany(id => suite.Catalog.Candidates.Where(c => c.Id.Value == id))];
        }
    }
}
