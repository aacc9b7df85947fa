using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>
/// A release candidate of the driving stack: it drives a scenario's log and returns the drive. Every candidate
/// returns a new scene cut to the scenario's window, in which the ego's track is what the candidate drove and
/// every other track is as recorded.
/// </summary>
public interface ICandidate
{
    /// <summary>Stable id, e.g. <c>rc-2026.12.1</c>.</summary>
    CandidateId Id { get; }

    /// <summary>Lower-case hex SHA-256 of what defines the candidate (its canonical configuration, or its drives).</summary>
    string Fingerprint { get; }

    /// <summary>One line for people.</summary>
    string Description { get; }

    /// <summary>
    /// Which parts of the ego's motion this candidate chooses (the rest follows the log): an expectation whose metric
    /// depends only on parts it does not control checks the log, not the candidate.
    /// </summary>
    MotionControl Controls { get; }

    /// <summary>Drives a scenario on its log.</summary>
    /// <param name="spec">The scenario (ego, window).</param>
    /// <param name="scene">The scenario's log, imported.</param>
    /// <exception cref="Errors.CandidateException">The ego is not in the log or the window, or a recorded drive is missing.</exception>
    Drive Drive(ScenarioSpec spec, Scene scene);
}
