using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary><c>no event &lt;kind&gt;</c>, e.g. <c>no event hard_braking</c>: the drive has no event of that kind.</summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="Kind">The event kind that must not occur.</param>
public sealed record NoEventExpectation(string Text, SourceLocation Location, EventKind Kind) : Expectation(Text, Location)
{
    /// <inheritdoc/>
    /// <remarks>
    /// Inconclusive when no analyzer contributed to the evaluation, or when the kind's detector reported that it could
    /// not look (e.g. <c>lane_change.count</c> without a value on a scene without lanes): absence there proves nothing.
    /// </remarks>
    public override ExpectationOutcome Judge(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var events = evaluation.EventsOf(Kind).ToList();
        if (events.Count == 0)
        {
            if (UndetectedBecause(evaluation, Kind) is { } why)
            {
                return new(Text, Outcome.Inconclusive, null, 0, "1", $"{why}, so the absence of {Kind} events proves nothing.");
            }

            return new(Text, Outcome.Pass, 0, 0, "1", $"no {Kind} event in the drive, as expected.");
        }

        var first = events[0];
        var times = events.Count == 1 ? "once" : $"{events.Count} times";
        return new(Text, Outcome.Fail, events.Count, 0, "1", $"{Kind} occurred {times}, expected never; first at {Describe(first)}: {first.Summary}");
    }
}
