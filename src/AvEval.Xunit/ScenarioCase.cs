using AvEval.Scenarios;
using AvEval.Suites;
using Xunit.Sdk;

namespace AvEval.Xunit;

/// <summary>
/// One test case of the scenario suite: a scenario file driven by one candidate, or a scenario file that could not be
/// read (then <see cref="Problem"/> says why and the test fails with it). It holds names only, never log data, so
/// xunit can serialize it at discovery; the runner loads the scenario, the log and the drive when the test runs.
/// </summary>
public sealed class ScenarioCase : IXunitSerializable
{
    /// <summary>For xunit's deserialization only.</summary>
    public ScenarioCase()
    {
    }

    /// <summary>Creates a case.</summary>
    /// <param name="scenariosFolder">The absolute <c>scenarios/</c> folder.</param>
    /// <param name="file">The scenario file relative to it, with '/' separators; empty when the problem is not a file's.</param>
    /// <param name="candidate">The candidate id; empty for a problem that concerns every candidate.</param>
    /// <param name="displayName">What the test is called (<c>cut_in_response/us101-22-1-veh-681 @ rc-2026.12.1</c>).</param>
    /// <param name="problem">Why the file cannot run, as the test's failure message; null for a runnable case.</param>
    /// <param name="checksLog">For a case that judges the recorded drive because no selected candidate controls what the scenario asserts: why; null for a candidate's case.</param>
    public ScenarioCase(string scenariosFolder, string file, string candidate, string displayName, string? problem = null, string? checksLog = null)
    {
        ChecksLog = checksLog;
        ScenariosFolder = scenariosFolder;
        File = file;
        Candidate = candidate;
        DisplayName = displayName;
        Problem = problem;
    }

    /// <summary>A case of a suite's discovery (<see cref="Suite.Discover"/>).</summary>
    /// <param name="scenariosFolder">The absolute <c>scenarios/</c> folder.</param>
    /// <param name="found">The case.</param>
    public ScenarioCase(string scenariosFolder, SuiteCase found)
        : this(scenariosFolder, (found ?? throw new ArgumentNullException(nameof(found))).File, found.Candidate, found.DisplayName, found.Problem, found.ChecksLog)
    {
        Behavior = found.Behavior;
        Severity = found.Severity;
        Subject = found.Subject;
        Candidates = string.Join(',', found.Candidates);
        Tags = string.Join(',', found.Tags);
    }

    /// <summary>The absolute <c>scenarios/</c> folder.</summary>
    public string ScenariosFolder { get; private set; } = "";

    /// <summary>The scenario's behaviour (or the folder of a file that cannot be read); empty when not known.</summary>
    public string Behavior { get; private set; } = "";

    /// <summary>The scenario's severity; blocking when not known.</summary>
    public Severity Severity { get; private set; } = Severity.Blocking;

    /// <summary><see cref="Suite.CandidateSubject"/> or <see cref="Suite.LogSubject"/>.</summary>
    public string Subject { get; private set; } = Suite.CandidateSubject;

    private string Candidates { get; set; } = "";

    private string Tags { get; set; } = "";

    /// <summary>This case as Core's runner takes it.</summary>
    public SuiteCase ToSuiteCase() => new(
        File,
        Candidate,
        DisplayName,
        Behavior,
        Severity,
        Candidates.Length == 0 ? [] : Candidates.Split(','),
        Tags.Length == 0 ? [] : Tags.Split(','),
        ChecksLog is null ? Subject : Suite.LogSubject,
        Problem,
        ChecksLog);

    /// <summary>The scenario file relative to <see cref="ScenariosFolder"/>, with '/' separators.</summary>
    public string File { get; private set; } = "";

    /// <summary>The candidate id; empty for a problem that concerns every candidate.</summary>
    public string Candidate { get; private set; } = "";

    /// <summary>What the test is called.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Why the case cannot run (a precise error, <c>file:line:column: ...</c> where it has a place); null when it can.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Non-null for a case that checks the log, not a candidate (<c>behaviour/id @ log</c>): why no selected candidate can
    /// change its outcome. Such a case judges the recorded drive and is not a test of any candidate.
    /// </summary>
    public string? ChecksLog { get; private set; }

    /// <summary>The scenario file's absolute path.</summary>
    public string FullPath => Path.GetFullPath(Path.Combine(ScenariosFolder, File));

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ScenariosFolder = info.GetValue<string>(nameof(ScenariosFolder)) ?? "";
        File = info.GetValue<string>(nameof(File)) ?? "";
        Candidate = info.GetValue<string>(nameof(Candidate)) ?? "";
        DisplayName = info.GetValue<string>(nameof(DisplayName)) ?? "";
        Problem = info.GetValue<string>(nameof(Problem));
        ChecksLog = info.GetValue<string>(nameof(ChecksLog));
        Behavior = info.GetValue<string>(nameof(Behavior)) ?? "";
        Severity = Enum.TryParse<Severity>(info.GetValue<string>(nameof(Severity)), out var severity) ? severity : Severity.Blocking;
        Subject = info.GetValue<string>(nameof(Subject)) ?? Suite.CandidateSubject;
        Candidates = info.GetValue<string>(nameof(Candidates)) ?? "";
        Tags = info.GetValue<string>(nameof(Tags)) ?? "";
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(ScenariosFolder), ScenariosFolder);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Candidate), Candidate);
        info.AddValue(nameof(DisplayName), DisplayName);
        info.AddValue(nameof(Problem), Problem);
        info.AddValue(nameof(ChecksLog), ChecksLog);
        info.AddValue(nameof(Behavior), Behavior);
        info.AddValue(nameof(Severity), Severity.ToString());
        info.AddValue(nameof(Subject), Subject);
        info.AddValue(nameof(Candidates), Candidates);
        info.AddValue(nameof(Tags), Tags);
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
