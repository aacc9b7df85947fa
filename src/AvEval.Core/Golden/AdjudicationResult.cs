using AvEval.Golden.Internal;

namespace AvEval.Golden;

/// <summary>The adjudicated labels of a golden set, in item order, with the disagreements kept.</summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="Items">Every item.</param>
public sealed record AdjudicationResult(AdjudicationRule Rule, IReadOnlyList<AdjudicatedItem> Items)
{
    /// <summary>Items the raters disagreed on (resolved or not).</summary>
    public IReadOnlyList<AdjudicatedItem> Disagreements => [.. Items.Where(i => i.Disagreement)];

    /// <summary>Items without an adjudicated label (ties, or no labels).</summary>
    public IReadOnlyList<AdjudicatedItem> Unresolved => [.. Items.Where(i => !i.Resolved)];

    /// <summary>
    /// Writes the disagreements for review as CSV: <c>item,adjudicated,how,labels</c>, where <c>adjudicated</c> is empty
    /// when unresolved and <c>labels</c> lists <c>rater=label</c> pairs separated by <c>;</c>.
    /// </summary>
    public void WriteDisagreementsCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("item,adjudicated,how,labels\n");
        foreach (var item in Disagreements)
        {
            string labels = string.Join(";", item.Labels.Select(l => $"{l.Rater}={l.Label}"));
            writer.Write($"{Csv.Field(item.Item)},{Csv.Field(item.Label)},{Csv.Field(item.How)},{Csv.Field(labels)}\n");
        }
    }
}
