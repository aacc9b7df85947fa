namespace AvEval.Tracking.Comparison;

/// <summary>
/// Flip rates of scenarios in the history of one candidate fingerprint: over the complete runs of the store that ran
/// that fingerprint, oldest first, a scenario's flip rate is the number of times its pass/not-pass outcome changed
/// between consecutive runs divided by the number of consecutive pairs (observations − 1), the flip rate of Kowalczyk
/// et al. 2020 ("Modeling and ranking flaky tests at Apple", ICSE-SEIP). A scenario seen in fewer than two runs has no rate.
/// </summary>
/// <param name="Fingerprint">The candidate fingerprint.</param>
/// <param name="Runs">The complete runs of that fingerprint the history holds.</param>
/// <param name="Rates">Scenario → (observations, flips).</param>
public sealed record FlipRates(string Fingerprint, int Runs, IReadOnlyDictionary<string, (int Observations, int Flips)> Rates)
{
    /// <summary>The scenario's flip rate, or null when it was seen fewer than twice.</summary>
    public double? Of(string scenario) =>
        Rates.TryGetValue(scenario, out var r) && r.Observations >= 2 ? (double)r.Flips / (r.Observations - 1) : null;
}
