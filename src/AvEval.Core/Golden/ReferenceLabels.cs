namespace AvEval.Golden;

/// <summary>
/// What a meta-test compared an evaluator with: the raters whose labels make up the reference and what kind they are, so
/// that a result on rule-derived ("silver") labels is never presented as agreement with people.
/// </summary>
/// <param name="Raters">The raters whose labels the reference rests on, in order of first appearance in the set; empty when none remain.</param>
/// <param name="Kinds">Their kinds, each once, in <see cref="RaterKind"/> order.</param>
public sealed record ReferenceLabels(IReadOnlyList<string> Raters, IReadOnlyList<RaterKind> Kinds)
{
    /// <summary>
    /// <c>human</c>, <c>rule-derived</c> or <c>model</c> when every reference rater is of that kind; <c>mixed (…)</c>
    /// naming the kinds otherwise; <c>none</c> when no rater remains.
    /// </summary>
    public string Basis => Kinds.Count switch
    {
        0 => "none",
        1 => Name(Kinds[0]),
        _ => "mixed (" + string.Join(" + ", Kinds.Select(Name)) + ")",
    };

    /// <summary>The reference made of the given raters of <paramref name="set"/> (kinds as the set's labels state them).</summary>
    /// <param name="set">The golden set.</param>
    /// <param name="raters">Rater ids of the set.</param>
    public static ReferenceLabels Of(GoldenSet set, IEnumerable<string> raters)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(raters);
        var wanted = raters.ToHashSet(StringComparer.Ordinal);
        var chosen = set.Raters.Where(r => wanted.Contains(r.Rater)).ToList();
        return new ReferenceLabels([.. chosen.Select(r => r.Rater).Distinct(StringComparer.Ordinal)], [.. chosen.Select(r => r.Kind).Distinct().Order()]);
    }

    /// <summary><c>rule-derived labels of 'a', 'b'</c>: the basis and the raters, for messages.</summary>
    public override string ToString() => Raters.Count == 0
        ? "no labels"
        : $"{Basis} labels of {string.Join(", ", Raters.Select(r => $"'{r}'"))}";

    /// <summary>
    /// <c>against rule-derived labels of 'a', 'b' (adjudicated (majority)), no human rater</c>: the clause every
    /// certification message ends with.
    /// </summary>
    /// <param name="reference">How the reference was formed, e.g. <c>adjudicated (majority)</c>.</param>
    public string Against(string reference) =>
        $"against {this} ({reference}){(Kinds.Contains(RaterKind.Human) ? "" : ", no human rater")}";

    private static string Name(RaterKind kind) => kind switch
    {
        RaterKind.Human => "human",
        RaterKind.Rule => "rule-derived",
        _ => "model",
    };
}
