namespace AvEval.Golden;

/// <summary>One rater's label of one item.</summary>
/// <param name="Item">The item id.</param>
/// <param name="Rater">The rater id, e.g. <c>rule.hard_braking.readme</c> or an annotator's id.</param>
/// <param name="RaterKind">Whether the rater is a human, a rule or a model.</param>
/// <param name="Label">The label, on the set's <see cref="LabelScale"/>.</param>
/// <param name="Confidence">The rater's confidence in [0, 1]; null when not given.</param>
/// <param name="Rationale">Why, in the rater's words; null when not given.</param>
/// <param name="Time">When the label was given; null when not recorded.</param>
public sealed record GoldenLabel(
    string Item,
    string Rater,
    RaterKind RaterKind,
    string Label,
    double? Confidence = null,
    string? Rationale = null,
    DateTimeOffset? Time = null);
