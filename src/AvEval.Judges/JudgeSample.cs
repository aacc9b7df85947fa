using AvEval.Judges.Schema;

namespace AvEval.Judges;

/// <summary>One sample of a judge verdict: the answer as received, and its parse or why it does not count.</summary>
/// <param name="Index">The 0-based sample (its seed is the card's seed plus this).</param>
/// <param name="Text">The answer's text; null when there was none (refused, failed, timed out, over budget, not in the replay cache).</param>
/// <param name="FinishReason">The provider's finish reason (<c>stop</c>, <c>length</c>, ...); null when there was no answer.</param>
/// <param name="Values">The parsed values; empty when the sample does not count.</param>
/// <param name="Problem">Why the sample does not count; null when it does.</param>
/// <param name="FromCache">Whether the answer was replayed from the response cache.</param>
/// <param name="InputTokens">Prompt tokens (as recorded).</param>
/// <param name="OutputTokens">Generated tokens (as recorded).</param>
/// <param name="LatencyMilliseconds">Wall time of the call (or of the cache read), in milliseconds.</param>
/// <param name="WeightedPositive">The probability of the positive value from the token log-probabilities at the voted field (G-Eval style), where the provider returned them; else null.</param>
public sealed record JudgeSample(
    int Index,
    string? Text,
    string? FinishReason,
    IReadOnlyDictionary<string, JudgeValue> Values,
    string? Problem,
    bool FromCache,
    long InputTokens,
    long OutputTokens,
    double LatencyMilliseconds,
    double? WeightedPositive);
