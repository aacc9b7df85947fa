namespace AvEval.Judges;

/// <summary>
/// A run's token and cost budget for judge calls, shared by every judge of the run. Checked before each model call:
/// once spent reaches a limit, further calls are refused (their verdicts are inconclusive) — a call already in flight
/// completes, so a run may end above a limit by at most the calls in flight. Cache hits spend nothing. Thread-safe.
/// </summary>
public sealed class JudgeBudget
{
    private readonly Lock _lock = new();
    private long _tokens;
    private double _cost;
    private long _calls;

    /// <summary>Creates a budget.</summary>
    /// <param name="maxTokens">The most prompt plus generated tokens; null for no limit.</param>
    /// <param name="maxCostUsd">The most cost, in US dollars at the cards' prices; null for no limit.</param>
    public JudgeBudget(long? maxTokens = null, double? maxCostUsd = null)
    {
        if (maxTokens is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, "The token budget cannot be negative.");
        }

        if (maxCostUsd is { } c && (!double.IsFinite(c) || c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxCostUsd), maxCostUsd, "The cost budget must be a finite, non-negative number of dollars.");
        }

        MaxTokens = maxTokens;
        MaxCostUsd = maxCostUsd;
    }

    /// <summary>No limit.</summary>
    public static JudgeBudget Unlimited => new();

    /// <summary>The token limit; null for none.</summary>
    public long? MaxTokens { get; }

    /// <summary>The cost limit in US dollars; null for none.</summary>
    public double? MaxCostUsd { get; }

    /// <summary>Tokens spent so far.</summary>
    public long Tokens
    {
        get
        {
            lock (_lock)
            {
                return _tokens;
            }
        }
    }

    /// <summary>Cost spent so far, in US dollars.</summary>
    public double CostUsd
    {
        get
        {
            lock (_lock)
            {
                return _cost;
            }
        }
    }

    /// <summary>Model calls made so far.</summary>
    public long Calls
    {
        get
        {
            lock (_lock)
            {
                return _calls;
            }
        }
    }

    /// <summary>Why a new call may not start (a limit reached), or null when it may.</summary>
    public string? Refusal()
    {
        lock (_lock)
        {
            if (MaxTokens is { } t && _tokens >= t)
            {
                return $"the run's judge token budget of {t} tokens is spent ({_tokens} used)";
            }

            return MaxCostUsd is { } c && _cost >= c ? FormattableString.Invariant($"the run's judge cost budget of ${c:0.####} is spent (${_cost:0.####} used)") : null;
        }
    }

    /// <summary>Records a call's tokens and cost.</summary>
    /// <param name="tokens">Prompt plus generated tokens.</param>
    /// <param name="costUsd">Its cost in US dollars.</param>
    public void Spend(long tokens, double costUsd)
    {
        lock (_lock)
        {
            _tokens += tokens;
            _cost += costUsd;
            _calls++;
        }
    }
}
