using System.Globalization;
using AvEval.Errors;

namespace AvEval.Judges.Pairwise;

/// <summary>
/// A judge that compares two drives (A vs B) and says which it prefers: its card's voted field is an enum of
/// <c>first</c> and <c>second</c> with positive <c>first</c>, so a verdict's probability is the share of samples preferring the
/// drive shown first. <see cref="CheckPositionBiasAsync"/> asks each pair in both orders and flags a judge whose preference
/// follows the order rather than the drives. Thread-safe.
/// </summary>
public sealed class PairwiseJudge
{
    /// <summary>The consistency rate a judge must reach unless another is given (AvEval's default, not a published threshold).</summary>
    public const double DefaultMinConsistency = 0.8;

    /// <summary>Wraps a judge.</summary>
    /// <param name="judge">The judge; its output must be <c>first</c>/<c>second</c> with positive <c>first</c>.</param>
    /// <exception cref="JudgeException">The card is not a pairwise judge's.</exception>
    public PairwiseJudge(Judge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        var card = judge.Card;
        var field = card.Schema.Find(card.Output.Field);
        if (field is null || card.Output.Positive != "first" || field.Enum.Count != 2 || !field.Enum.Contains("first") || !field.Enum.Contains("second"))
        {
            throw JudgeException.NotPairwise(card.CardPath, card.Output.Field);
        }

        Judge = judge;
    }

    /// <summary>The judge.</summary>
    public Judge Judge { get; }

    /// <summary>The narration a pairwise judge reads: the two drives, labelled by position.</summary>
    /// <param name="first">The drive shown first.</param>
    /// <param name="second">The drive shown second.</param>
    public static string PairText(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return $"First drive:\n{first}\nSecond drive:\n{second}";
    }

    /// <summary>Asks one pair in both orders.</summary>
    /// <param name="pair">The pair's id.</param>
    /// <param name="a">Drive A's narration.</param>
    /// <param name="b">Drive B's narration.</param>
    /// <param name="cancellationToken">Stops the judging.</param>
    public async Task<PairwiseComparison> CompareAsync(string pair, string a, string b, CancellationToken cancellationToken = default)
    {
        var aFirst = Judge.EvaluateAsync(PairText(a, b), null, cancellationToken);
        var bFirst = Judge.EvaluateAsync(PairText(b, a), null, cancellationToken);
        var (ab, ba) = (await aFirst, await bFirst);
        return new PairwiseComparison(pair, ab, ba, Preferred(ab, "A", "B"), Preferred(ba, "B", "A"));
    }

    /// <summary>Asks every pair in both orders and reports the position-consistency rate.</summary>
    /// <param name="pairs">The pairs: an id and the two drives' narrations.</param>
    /// <param name="minConsistency">The consistency rate below which the judge is flagged, (0, 1].</param>
    /// <param name="cancellationToken">Stops the judging.</param>
    public async Task<PositionBiasReport> CheckPositionBiasAsync(IReadOnlyList<(string Id, string A, string B)> pairs, double minConsistency = DefaultMinConsistency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minConsistency, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minConsistency, 1);
        var comparisons = await Task.WhenAll(pairs.Select(p => CompareAsync(p.Id, p.A, p.B, cancellationToken)));
        var conclusive = comparisons.Where(c => c.IsConclusive).ToList();
        string key = Judge.Card.Key;
        if (conclusive.Count == 0)
        {
            return new PositionBiasReport(key, comparisons.Length, 0, null, null, minConsistency, true,
                $"judge '{key}' gave no conclusive pair of verdicts in {comparisons.Length} pairs, so its position consistency is unknown; it is flagged", comparisons);
        }

        double rate = (double)conclusive.Count(c => c.Consistent) / conclusive.Count;
        int firsts = conclusive.Sum(c => (c.PreferredWhenAFirst == "A" ? 1 : 0) + (c.PreferredWhenBFirst == "B" ? 1 : 0));
        double firstRate = firsts / (2.0 * conclusive.Count);
        bool biased = rate < minConsistency;
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"judge '{key}' preferred the same drive in both orders in {conclusive.Count(c => c.Consistent)} of {conclusive.Count} conclusive pairs (consistency {rate:0.###} {(biased ? "<" : ">=")} {minConsistency:0.###}) and the drive shown first in {firsts} of {2 * conclusive.Count} verdicts{(biased ? "; its preference follows the order, so it is flagged as position-biased" : "; not flagged")}");
        return new PositionBiasReport(key, comparisons.Length, conclusive.Count, rate, firstRate, minConsistency, biased, reason, comparisons);
    }

    private static string? Preferred(JudgeVerdict v, string shownFirst, string shownSecond) => v.Probability switch
    {
        null => null,
        > 0.5 => shownFirst,
        < 0.5 => shownSecond,
        _ => null,
    };
}
