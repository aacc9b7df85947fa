using AvEval.Judges.Caching;

namespace AvEval.Judges;

/// <summary>
/// What the judges of one run share: the response cache and how it is used, the token and cost budget, and the
/// concurrency limit on model calls. Thread-safe; dispose it after the run.
/// </summary>
public sealed class JudgeSession : IDisposable
{
    /// <summary>Creates a session.</summary>
    /// <param name="cache">The response cache; null for none (then <paramref name="mode"/> must be <see cref="JudgeCacheMode.Off"/>).</param>
    /// <param name="mode">How the cache is used.</param>
    /// <param name="budget">The run's budget; null for no limit.</param>
    /// <param name="maxConcurrentCalls">The most model calls in flight at once (1–256).</param>
    public JudgeSession(JudgeResponseCache? cache = null, JudgeCacheMode mode = JudgeCacheMode.ReadWrite, JudgeBudget? budget = null, int maxConcurrentCalls = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCalls, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxConcurrentCalls, 256);
        if (cache is null && mode != JudgeCacheMode.Off)
        {
            mode = JudgeCacheMode.Off;
        }

        Cache = cache;
        Mode = mode;
        Budget = budget ?? JudgeBudget.Unlimited;
        MaxConcurrentCalls = maxConcurrentCalls;
        Gate = new SemaphoreSlim(maxConcurrentCalls, maxConcurrentCalls);
    }

    /// <summary>The response cache, or null.</summary>
    public JudgeResponseCache? Cache { get; }

    /// <summary>How the cache is used.</summary>
    public JudgeCacheMode Mode { get; }

    /// <summary>The run's budget.</summary>
    public JudgeBudget Budget { get; }

    /// <summary>The most model calls in flight at once.</summary>
    public int MaxConcurrentCalls { get; }

    /// <summary>Cache hits so far.</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    internal SemaphoreSlim Gate { get; }

    private long _hits;

    internal void Hit() => Interlocked.Increment(ref _hits);

    /// <inheritdoc/>
    public void Dispose() => Gate.Dispose();
}
