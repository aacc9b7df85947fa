namespace AvEval.Golden.Reasoning;

/// <summary>What the three checks said about one golden trace.</summary>
/// <param name="Item">The golden item id.</param>
/// <param name="Corruption">How it was made.</param>
/// <param name="Maneuver">The maneuver-consistency check found an inconsistent step.</param>
/// <param name="Cited">The cited-agents check found a missing or misplaced agent.</param>
/// <param name="Hazard">The hazard check found a missed hazard.</param>
public sealed record TraceCheckFlags(string Item, TraceCorruption Corruption, bool Maneuver, bool Cited, bool Hazard)
{
    /// <summary>Any check flagged the trace (the chain-of-thought evaluator's verdict: 1 = faulty).</summary>
    public bool Any => Maneuver || Cited || Hazard;
}
