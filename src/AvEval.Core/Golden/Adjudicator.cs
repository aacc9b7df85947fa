namespace AvEval.Golden;

/// <summary>Applies an <see cref="AdjudicationRule"/> to a set's labels.</summary>
public static class Adjudicator
{
    /// <summary>Adjudicates every item (items without labels are unresolved).</summary>
    /// <param name="items">The item ids, in the order of the result.</param>
    /// <param name="labels">All labels.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>One adjudicated item per item id.</returns>
    public static AdjudicationResult Adjudicate(IEnumerable<string> items, IEnumerable<GoldenLabel> labels, AdjudicationRule rule)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rule);
        var byItem = labels.GroupBy(l => l.Item, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<GoldenLabel>)[.. g], StringComparer.Ordinal);
        var result = new List<AdjudicatedItem>();
        foreach (string item in items)
        {
            var given = byItem.TryGetValue(item, out var l) ? l : [];
            bool disagreement = given.Select(x => x.Label).Distinct(StringComparer.Ordinal).Count() > 1;
            var adjudicator = rule.Adjudicator is null ? null : given.FirstOrDefault(x => x.Rater == rule.Adjudicator);
            if (adjudicator is not null)
            {
                result.Add(new AdjudicatedItem(item, adjudicator.Label, disagreement, $"adjudicator {adjudicator.Rater}", given));
                continue;
            }

            var others = rule.Adjudicator is null ? given : [.. given.Where(x => x.Rater != rule.Adjudicator)];
            var (label, how) = Majority(others);
            result.Add(new AdjudicatedItem(item, label, disagreement, how, given));
        }

        return new AdjudicationResult(rule, result);
    }

    private static (string? Label, string How) Majority(IReadOnlyList<GoldenLabel> labels)
    {
        if (labels.Count == 0)
        {
            return (null, "no labels");
        }

        var counts = labels.GroupBy(l => l.Label, StringComparer.Ordinal).Select(g => (Label: g.Key, Count: g.Count())).OrderByDescending(c => c.Count).ToList();
        if (counts.Count == 1)
        {
            return (counts[0].Label, "unanimous");
        }

        return counts[0].Count > counts[1].Count
            ? (counts[0].Label, $"majority {counts[0].Count} of {labels.Count}")
            : (null, $"tie {counts[0].Count} of {labels.Count}");
    }
}
