using AvEval.Scenarios;
using AvEval.Suites;

namespace AvEval.Xunit;

/// <summary>A test case found by <see cref="ScenarioSuite.Discover"/>, with the values of its traits.</summary>
/// <param name="Case">The case.</param>
/// <param name="Behavior">The <c>Behavior</c> trait: the scenario's behaviour, or for a file that cannot be read the folder it lies in.</param>
/// <param name="Severity">The <c>Severity</c> trait; an unreadable file counts as blocking.</param>
/// <param name="Candidates">The <c>Candidate</c> trait values: the case's candidate, or every selected one for a file that cannot be read.</param>
/// <param name="Tags">The <c>Tag</c> trait values, one per tag.</param>
/// <param name="Subject">The <c>Subject</c> trait: <see cref="ScenarioSuite.CandidateSubject"/>, or <see cref="ScenarioSuite.LogSubject"/> for a case that checks the log (then <paramref name="Candidates"/> is empty).</param>
public sealed record DiscoveredCase(ScenarioCase Case, string Behavior, Severity Severity, IReadOnlyList<string> Candidates, IReadOnlyList<string> Tags, string Subject = ScenarioSuite.CandidateSubject)
{
    /// <summary>The xunit case of a case of Core's discovery.</summary>
    /// <param name="scenariosFolder">The absolute scenarios folder.</param>
    /// <param name="found">The case.</param>
    public static DiscoveredCase Of(string scenariosFolder, SuiteCase found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new DiscoveredCase(new ScenarioCase(scenariosFolder, found), found.Behavior, found.Severity, found.Candidates, found.Tags, found.Subject);
    }

    /// <summary>The traits as name/value pairs, in the order Behavior, Severity, Subject, Candidate..., Tag....</summary>
    public IEnumerable<KeyValuePair<string, string>> Traits =>
    [
        new("Behavior", Behavior),
        new("Severity", Severity.ToString().ToLowerInvariant()),
        new("Subject", Subject),
        .. Candidates.Select(c => new KeyValuePair<string, string>("Candidate", c)),
        .. Tags.Select(t => new KeyValuePair<string, string>("Tag", t)),
    ];
}
