namespace AvEval.Golden;

/// <summary>One item after adjudication. The raters' labels are kept.</summary>
/// <param name="Item">The item id.</param>
/// <param name="Label">The adjudicated label; null when unresolved (a tie, or no labels).</param>
/// <param name="Disagreement">Whether the raters gave different labels.</param>
/// <param name="How">How the label was reached, e.g. <c>unanimous</c>, <c>majority 2 of 3</c>, <c>adjudicator rater.x</c>, <c>tie</c>.</param>
/// <param name="Labels">Every rater's label of the item.</param>
public sealed record AdjudicatedItem(string Item, string? Label, bool Disagreement, string How, IReadOnlyList<GoldenLabel> Labels)
{
    /// <summary>Whether the item has an adjudicated label.</summary>
    public bool Resolved => Label is not null;
}
