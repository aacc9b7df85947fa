namespace AvEval.Golden;

/// <summary>What a set says about itself; the store fills in the counts and hashes.</summary>
/// <param name="Name">Name (and folder name).</param>
/// <param name="Version">Version.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Provenance">Where items and labels came from, truthfully.</param>
/// <param name="Kind">What the items point at.</param>
/// <param name="Scale">The label scale.</param>
/// <param name="Adjudication">The adjudication rule.</param>
/// <param name="Certification">Certification thresholds.</param>
public sealed record GoldenSetDescription(string Name, string Version, string Description, string Provenance, GoldenItemKind Kind, LabelScale Scale, AdjudicationRule Adjudication, IReadOnlyList<CertificationThreshold> Certification);
