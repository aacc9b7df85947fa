namespace AvEval.Learned.Registry;

/// <summary>The golden set a certification or calibration was computed on, with the hashes that make it stale when they change.</summary>
/// <param name="Name">The set's name (its folder under <c>scenarios/golden/</c>).</param>
/// <param name="Version">The set's version.</param>
/// <param name="ItemsSha256">Lower-case hex SHA-256 of its <c>items.jsonl</c>, as its manifest records it.</param>
/// <param name="LabelsSha256">Lower-case hex SHA-256 of its <c>labels.csv</c>, as its manifest records it.</param>
public sealed record GoldenSetReference(string Name, string Version, string ItemsSha256, string LabelsSha256);
