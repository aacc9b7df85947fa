using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>The human baseline: the recorded ego as it drove, cut to the scenario's window.</summary>
public sealed class HumanBaselineCandidate : ICandidate
{
    /// <summary>The canonical configuration text whose SHA-256 is the fingerprint.</summary>
    public const string Configuration = "human-baseline/1\n";

    /// <summary>Creates the baseline under an id (the suite's is <c>human</c>).</summary>
    public HumanBaselineCandidate(CandidateId id, string description = "The recorded driver.")
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        Id = id;
        Description = description;
    }

    /// <inheritdoc/>
    public CandidateId Id { get; }

    /// <inheritdoc/>
    public string Fingerprint { get; } = Fingerprints.OfText(Configuration);

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Both: the recorded driver chose its speed and its path.</summary>
    public MotionControl Controls => MotionControl.Both;

    /// <inheritdoc/>
    public Drive Drive(ScenarioSpec spec, Scene scene) => new(SceneWindow.Cut(scene, spec, Id), spec.Ego);
}
