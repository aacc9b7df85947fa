namespace AvEval.Golden;

/// <summary>The manifest of a golden set (<c>manifest.json</c> beside <c>items.jsonl</c> and <c>labels.csv</c>).</summary>
/// <param name="FormatVersion">Format version of the stored set; this build writes and reads <see cref="GoldenSetStore.FormatVersion"/>.</param>
/// <param name="Name">The set's name (its folder name).</param>
/// <param name="Version">The set's version; bump it whenever items or labels change.</param>
/// <param name="Description">What the set is for.</param>
/// <param name="Provenance">Where items and labels came from, stated truthfully (who or what rated, from which data).</param>
/// <param name="Kind">What its items point at.</param>
/// <param name="Scale">The labels it admits.</param>
/// <param name="Adjudication">How labels are adjudicated: <c>majority</c> or <c>adjudicator:&lt;rater&gt;</c>.</param>
/// <param name="ItemCount">Number of items.</param>
/// <param name="ItemsSha256">Lower-case hex SHA-256 of <c>items.jsonl</c>.</param>
/// <param name="LabelsSha256">Lower-case hex SHA-256 of <c>labels.csv</c>.</param>
/// <param name="Certification">Certification thresholds per behaviour.</param>
public sealed record GoldenSetManifest(
    int FormatVersion,
    string Name,
    string Version,
    string Description,
    string Provenance,
    GoldenItemKind Kind,
    LabelScale Scale,
    string Adjudication,
    int ItemCount,
    string ItemsSha256,
    string LabelsSha256,
    IReadOnlyList<CertificationThreshold> Certification);
