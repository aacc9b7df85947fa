using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary><c>no event &lt;kind&gt;</c>, e.g. <c>no event hard_braking</c>: the drive has no event of that kind.</summary>
/// <param name="Text">The expectation as written.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="Kind">The event kind that must not occur.</param>
public sealed record NoEventExpectation(string Text, SourceLocation Location, EventKind Kind) : Expectation(Text, Location)
{
    /// <inheritdoc/>
    /// <remarks>Inconclusive when no analyzer contributed to the evaluation: an empty evaluation proves no absence.</remarks>
    public override ExpectationOutcome Judge(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Analyzers.Count == 0)
        {
            return new(Text, Outcome.Inconclusive, null, 0, "1", $"no analyzer ran on this drive, so the absence of {Kind} events proves nothing.");
        }

        var events = evaluation.EventsOf(Kind).ToList();
        if (events.Count == 0)
        {
            return new(Text, Outcome.Pass, 0, 0, "1", $"no {Kind} event in the drive, as expected.");
        }

        var first = events[0];
        var times = events.Count == 1 ? "once" : $"{events.Count} times";
        return new(Text, Outcome.Fail, events.Count, 0, "1", $"{Kind} occurred {times}, expected never; first at {Describe(first)}: {first.Summary}");
    }
}
