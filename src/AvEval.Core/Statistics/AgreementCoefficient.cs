namespace AvEval.Statistics;

/// <summary>One agreement coefficient computed on a label file, or the reason it does not apply.</summary>
/// <param name="Name">The coefficient: <c>cohen_kappa</c>, <c>fleiss_kappa</c> or <c>krippendorff_alpha</c>.</param>
/// <param name="Level">The measurement level (<c>nominal</c>, <c>ordinal</c>, <c>interval</c>, <c>ratio</c>) for alpha and Fleiss' kappa; null for Cohen's kappa.</param>
/// <param name="Weighting">For Cohen's kappa: <c>none</c>, <c>linear</c> or <c>quadratic</c> (weights on category ranks); null otherwise.</param>
/// <param name="Value">The coefficient; null when it does not apply or is undefined (see <paramref name="Reason"/>).</param>
/// <param name="Bootstrap">The bootstrap over items, when the coefficient was computed.</param>
/// <param name="Items">The items that entered the coefficient.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null; null otherwise.</param>
public sealed record AgreementCoefficient(string Name, string? Level, string? Weighting, double? Value, BootstrapResult? Bootstrap, int Items, string? Reason);
