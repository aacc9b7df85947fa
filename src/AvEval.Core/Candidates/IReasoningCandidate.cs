using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>
/// A candidate that can say why it drove as it did: <see cref="DriveWithTrace"/> returns the same drive as
/// <see cref="ICandidate.Drive"/> (bit-identical ego track) with its decision reasons in <see cref="Drive.Trace"/>.
/// </summary>
public interface IReasoningCandidate : ICandidate
{
    /// <summary>Drives a scenario and records the reasons of its decisions.</summary>
    /// <param name="spec">The scenario (ego, window).</param>
    /// <param name="scene">The scenario's log, imported.</param>
    /// <exception cref="Errors.CandidateException">The ego is not in the log or the window.</exception>
    Drive DriveWithTrace(ScenarioSpec spec, Scene scene);
}
