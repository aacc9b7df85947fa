using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites.Internal;

/// <summary>How test names and messages say what a candidate controls and what an expectation depends on.</summary>
internal static class MotionText
{
    /// <summary><c>longitudinal</c>, <c>lateral</c>, <c>longitudinal and lateral</c> or <c>no</c>.</summary>
    public static string Describe(MotionControl motion) => motion switch
    {
        MotionControl.Longitudinal => "longitudinal",
        MotionControl.Lateral => "lateral",
        MotionControl.Both => "longitudinal and lateral",
        _ => "no",
    };

    /// <summary>The expectations of a scenario that a candidate cannot influence, in file order.</summary>
    public static IReadOnlyList<Expectation> Uncontrolled(ScenarioSpec spec, ICandidate candidate) =>
        [.. spec.Expectations.Where(e => !PublishedMetrics.IsControlled(candidate.Controls, e))];

    /// <summary>Why some expectations check the log, not the candidate; null when the candidate controls them all.</summary>
    public static string? LogOnly(IReadOnlyList<Expectation> expectations, ICandidate candidate)
    {
        if (expectations.Count == 0)
        {
            return null;
        }

        var depends = expectations.Select(PublishedMetrics.DependsOn).Distinct().Select(Describe).Order(StringComparer.Ordinal);
        return $"{string.Join(", ", expectations.Select(e => $"'{e.Text}'"))} depend{(expectations.Count == 1 ? "s" : "")} on {string.Join(" or ", depends)} motion only, which {candidate.Id} does not control (it controls {Describe(candidate.Controls)} motion)";
    }
}
