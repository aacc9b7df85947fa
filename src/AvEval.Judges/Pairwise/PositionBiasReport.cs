namespace AvEval.Judges.Pairwise;

/// <summary>
/// A pairwise judge's position-bias check (Zheng et al. 2023, "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena",
/// section 3.3: ask both orders; a consistent judge prefers the same answer in both).
/// </summary>
/// <param name="Judge">The judge, <c>id@version</c>.</param>
/// <param name="Pairs">Pairs asked (each in both orders).</param>
/// <param name="Conclusive">Pairs whose both verdicts are conclusive; the rates are over these.</param>
/// <param name="ConsistencyRate">Share of conclusive pairs where the same drive was preferred in both orders (dimensionless, [0, 1]); null when no pair is conclusive.</param>
/// <param name="FirstPositionRate">Share of the conclusive pairs' 2 × <paramref name="Conclusive"/> verdicts that preferred the drive shown first (0.5 for a judge without position preference among inconsistent ones; 1 for one that always says first); null when none.</param>
/// <param name="MinConsistency">The consistency rate the judge must reach not to be flagged.</param>
/// <param name="Biased">Whether the judge is flagged: its consistency rate is below <paramref name="MinConsistency"/>, or no pair was conclusive.</param>
/// <param name="Reason">One sentence saying why it is flagged or not.</param>
/// <param name="Comparisons">Every pair, in order.</param>
public sealed record PositionBiasReport(
    string Judge,
    int Pairs,
    int Conclusive,
    double? ConsistencyRate,
    double? FirstPositionRate,
    double MinConsistency,
    bool Biased,
    string Reason,
    IReadOnlyList<PairwiseComparison> Comparisons);
