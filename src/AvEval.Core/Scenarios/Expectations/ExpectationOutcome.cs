namespace AvEval.Scenarios.Expectations;

/// <summary>How a drive fared against one expectation.</summary>
/// <param name="Expectation">The expectation as written.</param>
/// <param name="Outcome">Pass, fail or inconclusive.</param>
/// <param name="Measured">What was measured, in <paramref name="Unit"/>; null when nothing could be measured.</param>
/// <param name="Expected">The bound, in <paramref name="Unit"/>; null where the expectation has no number.</param>
/// <param name="Unit">The expectation's unit symbol (<c>s</c>, <c>km/h</c>, <c>1</c> for counts).</param>
/// <param name="Message">One sentence a driving engineer understands: what was measured, what was expected, whose definition, and when and with whom where known.</param>
public sealed record ExpectationOutcome(string Expectation, Outcome Outcome, double? Measured, double? Expected, string Unit, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Message}";
}
