using System.Text.Json;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;

namespace AvEval.Cluster;

/// <summary>
/// The coordinator of a cluster run (<c>aveval run --cluster ...</c>): builds the run's manifest as a single process
/// does (<see cref="ManifestBuilder"/>), cuts the discovered cases into items of <see cref="BatchSize"/> consecutive cases
/// (so that a silo's learned evaluators still batch: each silo runs one batched job per candidate and evaluator over the
/// suite, then serves its items from that job's cache), sends them to <see cref="ICaseBatchGrain"/>s on the silos, and is
/// the one writer of the results store: it records the items' cases in discovery order as the prefix completes, so the
/// stored run has the single-process order, and each case is keyed by its display name (an item judged twice is stored
/// once). An item whose grain fails (its silo was killed, a call timed out) is sent again as a new grain, which random
/// placement may put on another silo, up to <see cref="MaxAttempts"/> times; then the run is recorded failed and
/// <see cref="ClusterException.ItemFailed"/> names the item and the last cause. A coordinator that dies leaves the run
/// <see cref="RunStatus.Running"/>; <see cref="ResumeAsync"/> finishes it without judging stored items again.
/// </summary>
/// <param name="client">The cluster's client (<see cref="ClusterConnection.Client"/>).</param>
public sealed class ClusterRunner(IClusterClient client)
{
    private readonly IClusterClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Cases per item (default 8).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Attempts per item before the run fails (default 5), the n-th retry after <see cref="RetryDelay"/> × 2^(n-1), so that a killed silo is declared dead (a few seconds) before the last attempts are placed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry of an item (default 1 s), doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Items in flight at once (default 8).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>
    /// The longest one attempt of an item may take (default 5 minutes). Once items have completed, an attempt is also
    /// given up after <see cref="StragglerFactor"/> times the longest completed item (at least <see cref="MinAttemptTimeout"/>):
    /// a call to a silo that was killed after the gateway forwarded it gets no answer, so it is retried as a straggler.
    /// </summary>
    public TimeSpan ItemTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest time an attempt is given once items have completed (default 10 s).</summary>
    public TimeSpan MinAttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the longest completed item an attempt may take before it is retried (default 10).</summary>
    public double StragglerFactor { get; init; } = 10;

    /// <summary>Runs every case across the cluster as one run recorded into <paramref name="recorder"/>.</summary>
    /// <param name="suite">The coordinator's suite (silos read their own copy and check its hash).</param>
    /// <param name="pattern">The glob the cases were discovered with.</param>
    /// <param name="cases">The discovered cases, in order.</param>
    /// <param name="settings">The effective settings.</param>
    /// <param name="recorder">Where the run is recorded; null for nowhere.</param>
    /// <param name="cancellation">Stops the run (recorded as cancelled).</param>
    /// <exception cref="ClusterException">An item failed on every attempt (the run is recorded failed).</exception>
    public Task<ClusterRunResult> RunAsync(Suite suite, string pattern, IReadOnlyList<SuiteCase> cases, SuiteSettings settings, IRunRecorder? recorder, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        var started = DateTimeOffset.UtcNow;
        var manifest = ManifestBuilder.Build(RunId.New(started), suite, cases, settings, started);
        recorder?.Begin(manifest);
        return Execute(manifest, pattern, cases, new HashSet<string>(StringComparer.Ordinal), recorder, cancellation);
    }

    /// <summary>Runs cases under a manifest built beforehand (tests: a manifest whose suite hash no silo can match).</summary>
    internal Task<ClusterRunResult> RunUnderAsync(RunManifest manifest, string pattern, IReadOnlyList<SuiteCase> cases, IRunRecorder? recorder, CancellationToken cancellation = default)
    {
        recorder?.Begin(manifest);
        return Execute(manifest, pattern, cases, new HashSet<string>(StringComparer.Ordinal), recorder, cancellation);
    }

    /// <summary>
    /// Finishes a run that a coordinator left <see cref="RunStatus.Running"/>: the items with a case not yet stored are
    /// judged and recorded; stored cases are kept. The suite must hash as the run's manifest says.
    /// </summary>
    /// <param name="manifest">The stored run's manifest.</param>
    /// <param name="stored">The keys of the cases already stored for it.</param>
    /// <param name="suite">The suite, discovered with the run's pattern and candidates.</param>
    /// <param name="pattern">The glob.</param>
    /// <param name="cases">The cases rediscovered.</param>
    /// <param name="recorder">The store holding the run.</param>
    /// <param name="cancellation">Stops the run (recorded as cancelled).</param>
    public Task<ClusterRunResult> ResumeAsync(RunManifest manifest, IReadOnlyCollection<string> stored, Suite suite, string pattern, IReadOnlyList<SuiteCase> cases, IRunRecorder recorder, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(recorder);
        var settings = SuiteSettings.Default with { ScenariosFolder = suite.Folder, Seed = manifest.Seed };
        var again = ManifestBuilder.Build(manifest.Id, suite, cases, settings, manifest.StartedAt);
        if (again.SuiteSha256 != manifest.SuiteSha256)
        {
            throw ClusterException.SuiteMismatch("coordinator", suite.Folder, manifest.SuiteSha256, again.SuiteSha256);
        }

        return Execute(manifest, pattern, cases, new HashSet<string>(stored, StringComparer.Ordinal), recorder, cancellation);
    }

    private async Task<ClusterRunResult> Execute(RunManifest manifest, string pattern, IReadOnlyList<SuiteCase> cases, HashSet<string> stored, IRunRecorder? recorder, CancellationToken cancellation)
    {
        var items = new List<int[]>();
        for (int start = 0; start < cases.Count; start += BatchSize)
        {
            var indices = Enumerable.Range(start, Math.Min(BatchSize, cases.Count - start)).ToArray();
            if (!indices.All(k => stored.Contains(cases[k].DisplayName)))
            {
                items.Add(indices);
            }
        }

        int reused = cases.Count(c => stored.Contains(c.DisplayName));
        var candidates = manifest.Settings.TryGetValue(SuiteSettings.CandidatesVariable, out var ids) ? ids.Split(',') : [.. manifest.Candidates.Select(c => c.Id)];
        string device = manifest.Settings.TryGetValue(SuiteSettings.DeviceVariable, out var d) ? d : "auto";
        var results = new List<CaseRecord>?[items.Count];
        var silos = new Dictionary<string, int>(StringComparer.Ordinal);
        int next = 0;
        int retries = 0;
        var longest = TimeSpan.Zero;
        var gate = new object();
        using var slots = new SemaphoreSlim(Parallelism);

        async Task RunItem(int n)
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                string cause = "";
                for (int attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var item = new WorkItem
                    {
                        Run = manifest.Id.Value, Number = n, SuiteFolder = manifest.SuiteRoot, Pattern = pattern, Candidates = candidates,
                        Device = device, Seed = manifest.Seed, SuiteSha256 = manifest.SuiteSha256, Cases = items[n], Attempt = attempt,
                    };
                    try
                    {
                        var grain = _client.GetGrain<ICaseBatchGrain>($"{manifest.Id}/{n}/{attempt}");
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        var call = grain.Evaluate(item);
                        WorkResult result;
                        while (true)
                        {
                            // The limit is read again each second: an attempt begun before any item completed gets the
                            // straggler limit as soon as one does.
                            TimeSpan limit;
                            lock (gate)
                            {
                                limit = longest == TimeSpan.Zero ? ItemTimeout : TimeSpan.FromTicks(Math.Clamp((long)(longest.Ticks * StragglerFactor), MinAttemptTimeout.Ticks, ItemTimeout.Ticks));
                            }

                            var left = limit - watch.Elapsed;
                            if (left <= TimeSpan.Zero)
                            {
                                throw new TimeoutException($"no answer within {limit.TotalSeconds:0.#} s");
                            }

                            try
                            {
                                result = await call.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
                                break;
                            }
                            catch (TimeoutException) when (!call.IsCompleted)
                            {
                                // not yet: look at the limit again
                            }
                        }

                        if (result.Error is { } failed)
                        {
                            throw new InvalidOperationException($"silo '{result.Silo}': {failed}");
                        }

                        var records = JsonSerializer.Deserialize(result.CasesJson, RunJson.Default.IReadOnlyListCaseRecord) ?? [];
                        if (!records.Select(r => r.Key).SequenceEqual(items[n].Select(k => cases[k].DisplayName)))
                        {
                            throw new InvalidOperationException($"silo '{result.Silo}' returned other cases than item {n} holds");
                        }

                        lock (gate)
                        {
                            longest = watch.Elapsed > longest ? watch.Elapsed : longest;
                            results[n] = [.. records];
                            silos[result.Silo] = silos.GetValueOrDefault(result.Silo) + items[n].Length;
                            while (next < results.Length && results[next] is { } ready)
                            {
                                recorder?.Record(manifest.Id, ready);
                                next++;
                            }
                        }

                        return;
                    }
                    catch (Exception e) when (!cancellation.IsCancellationRequested && e is not ResultStoreException)
                    {
                        cause = e.Message;
                        Interlocked.Increment(ref retries);
                        if (attempt + 1 < MaxAttempts)
                        {
                            await Task.Delay(RetryDelay * Math.Pow(2, attempt), cancellation).ConfigureAwait(false);
                        }
                    }
                }

                Interlocked.Decrement(ref retries); // the last failed attempt is not a retry
                throw ClusterException.ItemFailed(n, cases[items[n][0]].DisplayName, MaxAttempts, cause);
            }
            finally
            {
                slots.Release();
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, items.Count).Select(RunItem)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            recorder?.Finish(manifest.Id, RunStatus.Cancelled, DateTimeOffset.UtcNow);
            throw;
        }
        catch
        {
            recorder?.Finish(manifest.Id, RunStatus.Failed, DateTimeOffset.UtcNow);
            throw;
        }

        recorder?.Finish(manifest.Id, RunStatus.Complete, DateTimeOffset.UtcNow);
        return new ClusterRunResult(manifest, RunStatus.Complete, [.. results.SelectMany(r => r!)], reused, items.Count, retries, silos);
    }
}
