namespace AvEval.Golden;

/// <summary>A golden set: its manifest, items and every rater's labels (load with <see cref="GoldenSetStore.Load"/>).</summary>
/// <param name="Manifest">The manifest (hashes verified on load).</param>
/// <param name="Items">The items in stored order.</param>
/// <param name="Labels">The labels in stored order.</param>
public sealed record GoldenSet(GoldenSetManifest Manifest, IReadOnlyList<GoldenItem> Items, IReadOnlyList<GoldenLabel> Labels)
{
    /// <summary>The raters that labelled the set, with their kinds, in order of first appearance.</summary>
    public IReadOnlyList<(string Rater, RaterKind Kind)> Raters => [.. Labels.Select(l => (l.Rater, l.RaterKind)).Distinct()];

    /// <summary>Adjudicates the labels with the manifest's rule, or with <paramref name="rule"/> when given.</summary>
    public AdjudicationResult Adjudicate(AdjudicationRule? rule = null) =>
        Adjudicator.Adjudicate(
            Items.Select(i => i.Id),
            Labels,
            rule ?? AdjudicationRule.TryParse(Manifest.Adjudication) ?? throw new InvalidOperationException($"Golden set '{Manifest.Name}' has adjudication '{Manifest.Adjudication}', which is neither 'majority' nor 'adjudicator:<rater>'."));

    /// <summary>The certification threshold for a behaviour, or null when the manifest has none.</summary>
    public CertificationThreshold? ThresholdFor(string behaviour) => Manifest.Certification.FirstOrDefault(c => c.Behaviour == behaviour);
}
