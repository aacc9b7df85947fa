using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary><c>event &lt;kind&gt; present</c>, e.g. <c>event cut_in present</c>: the drive has at least one event of that kind.</summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="Kind">The event kind that must occur.</param>
public sealed record EventPresentExpectation(string Text, SourceLocation Location, EventKind Kind) : Expectation(Text, Location)
{
    /// <inheritdoc/>
    /// <remarks>Inconclusive when no event of the kind was found and no analyzer contributed, or the kind's detector could not look.</remarks>
    public override ExpectationOutcome Judge(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var events = evaluation.EventsOf(Kind).ToList();
        if (events.Count > 0)
        {
            return new(Text, Outcome.Pass, events.Count, 1, "1", $"{Kind} present as expected, first at {Describe(events[0])}.");
        }

        if (UndetectedBecause(evaluation, Kind) is { } why)
        {
            return new(Text, Outcome.Inconclusive, null, 1, "1", $"{why}, so whether a {Kind} event happened is unknown.");
        }

        var found = evaluation.Events.Count == 0 ? "none" : string.Join(", ", evaluation.Events.Select(e => e.Kind.Name).Distinct());
        return new(Text, Outcome.Fail, 0, 1, "1", $"no {Kind} event in the drive, expected at least one; events found: {found}.");
    }
}
