namespace AvEval.Judges.Pairwise;

/// <summary>One pair (A, B) asked in both orders.</summary>
/// <param name="Pair">The pair's id.</param>
/// <param name="AFirst">The verdict with A shown first (its probability is the share of samples preferring the first drive shown).</param>
/// <param name="BFirst">The verdict with B shown first.</param>
/// <param name="PreferredWhenAFirst"><c>A</c>, <c>B</c>, or null when that verdict is inconclusive or a tie (share exactly 0.5).</param>
/// <param name="PreferredWhenBFirst"><c>A</c>, <c>B</c>, or null likewise.</param>
public sealed record PairwiseComparison(string Pair, JudgeVerdict AFirst, JudgeVerdict BFirst, string? PreferredWhenAFirst, string? PreferredWhenBFirst)
{
    /// <summary>Whether both verdicts are conclusive.</summary>
    public bool IsConclusive => AFirst.IsConclusive && BFirst.IsConclusive;

    /// <summary>Whether the judge preferred the same drive in both orders (false for a tie in either order).</summary>
    public bool Consistent => PreferredWhenAFirst is not null && PreferredWhenAFirst == PreferredWhenBFirst;
}
