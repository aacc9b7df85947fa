namespace AvEval.Errors;

/// <summary>
/// A candidate could not drive a scenario: the ego is not in the log or not in the window, or a recorded drive
/// is missing or does not hold the ego. The message names the scenario file, the candidate and what to do.
/// </summary>
public sealed class CandidateException : AvEvalException
{
    private CandidateException(string candidate, string scenarioFile, string message, Exception? inner = null)
        : base(message, inner)
    {
        Candidate = candidate;
        ScenarioFile = scenarioFile;
    }

    /// <summary>The candidate's id.</summary>
    public string Candidate { get; }

    /// <summary>The scenario file being driven.</summary>
    public string ScenarioFile { get; }

    /// <summary>The scenario's ego track is not in the log at all.</summary>
    public static CandidateException EgoNotInLog(string candidate, string scenarioFile, string ego, string scene) =>
        new(candidate, scenarioFile, $"{scenarioFile}: ego '{ego}' is not a track of log scene '{scene}'; pick a track id from 'aveval analyze' on that log.");

    /// <summary>The scenario's window holds no frame of the log, or none of the ego; <paramref name="at"/> is where the window is written, when known.</summary>
    public static CandidateException NothingInWindow(string candidate, string scenarioFile, string what, double start, double end, Scenarios.SourceLocation? at = null) =>
        new(candidate, scenarioFile, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(at is { } place ? place.ToString() : scenarioFile)}: the window '{start}..{end}' s holds no frame of {what}; move the window onto the log's time span."));

    /// <summary>A recorded-drives candidate has no drive for a scenario.</summary>
    public static CandidateException MissingDrive(string candidate, string scenarioFile, string driveFile) =>
        new(candidate, scenarioFile, $"{scenarioFile}: candidate '{candidate}' has no recorded drive '{driveFile}'; the driving stack must write one file per scenario id into its folder.");

    /// <summary>A recorded drive could not be read or does not hold the ego.</summary>
    public static CandidateException BadDrive(string candidate, string scenarioFile, string driveFile, string problem, Exception? inner = null) =>
        new(candidate, scenarioFile, $"{scenarioFile}: recorded drive '{driveFile}' of candidate '{candidate}' {problem}.", inner);
}
