namespace AvEval.Golden;

/// <summary>
/// How the labels of one item become one: by majority (a tie leaves the item unresolved), or by a named adjudicator whose
/// label wins where it gave one (items it did not label fall back to the majority of the others).
/// </summary>
/// <param name="Adjudicator">The adjudicating rater; null for majority.</param>
public sealed record AdjudicationRule(string? Adjudicator)
{
    /// <summary>Majority of the raters; ties are unresolved.</summary>
    public static AdjudicationRule Majority { get; } = new((string?)null);

    /// <summary>The named rater's label wins.</summary>
    public static AdjudicationRule ByAdjudicator(string rater)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return new(rater);
    }

    /// <summary>Parses <c>majority</c> or <c>adjudicator:&lt;rater&gt;</c>; null when the text is neither.</summary>
    public static AdjudicationRule? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string prefix = "adjudicator:";
        return text == "majority" ? Majority
            : text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length ? ByAdjudicator(text[prefix.Length..])
            : null;
    }

    /// <summary><c>majority</c> or <c>adjudicator:&lt;rater&gt;</c>, as in the manifest.</summary>
    public override string ToString() => Adjudicator is null ? "majority" : "adjudicator:" + Adjudicator;
}
