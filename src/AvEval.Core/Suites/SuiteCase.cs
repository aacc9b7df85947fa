using AvEval.Scenarios;

namespace AvEval.Suites;

/// <summary>
/// One case of a suite, found by <see cref="Suite.Discover"/>: a scenario file driven by one candidate, a scenario checked
/// on its log (no selected candidate controls what it asserts), or a file that cannot be read (then
/// <paramref name="Problem"/> says why and the case fails with it). Names only: the runner loads the scenario, the log
/// and the drive.
/// </summary>
/// <param name="File">The scenario file relative to the suite folder, '/' separators; empty when the problem is not a file's.</param>
/// <param name="Candidate">The candidate id; empty for a log check or a problem that concerns every candidate.</param>
/// <param name="DisplayName">What the case is called (<c>cut_in/us101-22-veh-1234 @ rc-2026.12.1</c>); the key of its record.</param>
/// <param name="Behavior">The scenario's behaviour, or for a file that cannot be read the folder it lies in.</param>
/// <param name="Severity">The scenario's severity; an unreadable file counts as blocking.</param>
/// <param name="Candidates">The candidates it concerns: its candidate, every selected one for a file that cannot be read, none for a log check.</param>
/// <param name="Tags">The scenario's tags.</param>
/// <param name="Subject"><see cref="Suite.CandidateSubject"/>, or <see cref="Suite.LogSubject"/> for a case that checks the log.</param>
/// <param name="Problem">Why the case cannot run (a precise error, <c>file:line:column: ...</c> where it has a place); null when it can.</param>
/// <param name="ChecksLog">For a log check: why no selected candidate can change its outcome; null for a candidate's case.</param>
public sealed record SuiteCase(
    string File,
    string Candidate,
    string DisplayName,
    string Behavior,
    Severity Severity,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<string> Tags,
    string Subject = Suite.CandidateSubject,
    string? Problem = null,
    string? ChecksLog = null);
