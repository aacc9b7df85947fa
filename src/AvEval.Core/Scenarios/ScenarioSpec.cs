using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

namespace AvEval.Scenarios;

/// <summary>
/// A declarative scenario test as read from one YAML file under <c>scenarios/behaviors/&lt;behaviour&gt;/</c>:
/// which log, which track is the ego, which part of the log, and what the drive must satisfy.
/// </summary>
/// <param name="Id">Stable id, unique within its behaviour: letters, digits, <c>.</c>, <c>_</c>, <c>-</c> (it names files of recorded drives).</param>
/// <param name="Title">One line for people.</param>
/// <param name="Behavior">The behaviour it tests, snake_case (<c>cut_in</c>, <c>following_distance</c>).</param>
/// <param name="Severity">How much a failure matters.</param>
/// <param name="Tags">Free labels for filtering; may be empty.</param>
/// <param name="Log">The log, relative to the <c>scenarios/</c> folder (e.g. <c>logs/USA_US101-22_1_T-1.parquet</c>).</param>
/// <param name="Ego">The track that is the ego.</param>
/// <param name="Window">The half-open part of the log covered; null for the whole log.</param>
/// <param name="Expectations">What the drive must satisfy; at least one.</param>
/// <param name="Rationale">One line: why this scenario exists (the event it was picked from, the rule it checks).</param>
/// <param name="SourceFile">The YAML file it was read from, as given to the loader.</param>
public sealed record ScenarioSpec(
    string Id,
    string Title,
    string Behavior,
    Severity Severity,
    IReadOnlyList<string> Tags,
    string Log,
    TrackId Ego,
    ScenarioWindow? Window,
    IReadOnlyList<Expectation> Expectations,
    string Rationale,
    string SourceFile)
{
    /// <summary>The name people read in test output: <c>behaviour/id</c>.</summary>
    public string DisplayName => $"{Behavior}/{Id}";

    /// <summary>Where the <c>window</c> field's value is written; null when it has none or for a spec made in code.</summary>
    public SourceLocation? WindowLocation { get; init; }

    /// <summary>Where the <c>log</c> field's value is written; null for a spec made in code.</summary>
    public SourceLocation? LogLocation { get; init; }

    /// <summary>
    /// The log's path under a <c>scenarios/</c> folder, by its text only; <see cref="SuitePath.Resolve"/> checks that it
    /// exists and stays inside the folder, symbolic links included.
    /// </summary>
    public string LogPath(string scenariosFolder) => Path.GetFullPath(Path.Combine(scenariosFolder, Log));

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
