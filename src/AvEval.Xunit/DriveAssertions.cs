using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Xunit.Internal;
using Shouldly;

namespace AvEval.Xunit;

/// <summary>
/// Shouldly-style assertions on an evaluated drive for C# scenario tests. They judge the same expectations as scenario
/// files (<c>no event collision</c>, <c>event cut_in present</c>) and fail with the same messages: what happened, when,
/// with which agent, and the event's own summary; each failure is a <see cref="ShouldAssertException"/>.
/// </summary>
public static class DriveAssertions
{
    /// <summary>Asserts that the ego's box never overlapped another agent's (no <see cref="EventKind.Collision"/> event).</summary>
    /// <exception cref="ShouldAssertException">It did.</exception>
    public static EvaluatedDrive ShouldNotCollide(this EvaluatedDrive drive) => drive.ShouldHaveNoEvent(EventKind.Collision);

    /// <summary>Asserts that no event of a kind happened.</summary>
    /// <exception cref="ShouldAssertException">One did; the message says when, with whom and what.</exception>
    public static EvaluatedDrive ShouldHaveNoEvent(this EvaluatedDrive drive, EventKind kind)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Check(drive, new NoEventExpectation($"no event {kind}", SourceLocation.InCode, kind));
    }

    /// <summary>Asserts that at least one event of a kind happened.</summary>
    /// <exception cref="ShouldAssertException">None did; the message lists the events that did.</exception>
    public static EvaluatedDrive ShouldHaveEvent(this EvaluatedDrive drive, EventKind kind)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Check(drive, new EventPresentExpectation($"event {kind} present", SourceLocation.InCode, kind));
    }

    private static EvaluatedDrive Check(EvaluatedDrive drive, Expectation expectation)
    {
        var outcome = expectation.Judge(drive.Evaluation);
        return outcome.Outcome == Outcome.Pass ? drive : throw new ShouldAssertException(FailureText.ForAssertion(drive, outcome));
    }
}
