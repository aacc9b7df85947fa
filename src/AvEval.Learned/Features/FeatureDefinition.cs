namespace AvEval.Learned.Features;

/// <summary>One column of a featurizer's rows, as written into model cards.</summary>
/// <param name="Index">Column index in a row.</param>
/// <param name="Name">Stable name, e.g. <c>ego.speed[07]</c> or <c>near2.y@end</c>.</param>
/// <param name="Unit">Unit symbol (<c>m</c>, <c>m/s</c>, <c>m/s^2</c>, <c>1</c>).</param>
/// <param name="Definition">Exactly how the value is computed.</param>
public sealed record FeatureDefinition(int Index, string Name, string Unit, string Definition);
