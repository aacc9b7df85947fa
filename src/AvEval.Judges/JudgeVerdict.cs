namespace AvEval.Judges;

/// <summary>
/// A judge's verdict on one input: the share of samples voting positive, or, when any sample does not count, no value
/// and the reason (so an expectation on it is inconclusive, never a pass).
/// </summary>
/// <param name="Judge">The judge, <c>id@version</c>.</param>
/// <param name="Model">The model identity.</param>
/// <param name="PromptSha256">The prompt template's SHA-256.</param>
/// <param name="InputSha256">The rendered messages' SHA-256.</param>
/// <param name="Probability">The vote share of <see cref="Cards.JudgeOutput.Positive"/> over the samples (dimensionless, [0, 1]); null when inconclusive.</param>
/// <param name="WeightedProbability">The mean over samples of the log-probability-weighted positive probability, where every sample has one; else null.</param>
/// <param name="Reason">Why there is no probability; null when there is one.</param>
/// <param name="Samples">Every sample, in order.</param>
public sealed record JudgeVerdict(
    string Judge,
    string Model,
    string PromptSha256,
    string InputSha256,
    double? Probability,
    double? WeightedProbability,
    string? Reason,
    IReadOnlyList<JudgeSample> Samples)
{
    /// <summary>Whether the verdict has a probability.</summary>
    public bool IsConclusive => Probability is not null;

    /// <summary>Prompt plus generated tokens over the samples.</summary>
    public long Tokens => Samples.Sum(s => s.InputTokens + s.OutputTokens);
}
