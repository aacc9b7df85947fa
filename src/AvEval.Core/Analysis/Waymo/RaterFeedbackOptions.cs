namespace AvEval.Analysis.Waymo;

/// <summary>
/// Settings of the WOD-E2E rater feedback score; defaults are Waymo's (waymo-open-dataset
/// <c>metrics/python/rater_feedback_utils.py</c>, <c>get_rater_feedback_score</c>).
/// </summary>
public sealed record RaterFeedbackOptions
{
    /// <summary>Lateral trust-region multiplier; default 1.0.</summary>
    public double LateralMultiplier { get; init; } = 1.0;

    /// <summary>Longitudinal trust-region multiplier; default 4.0.</summary>
    public double LongitudinalMultiplier { get; init; } = 4.0;

    /// <summary>Score decay per normalised distance beyond the trust region; default 0.1.</summary>
    public double DecayFactor { get; init; } = 0.1;

    /// <summary>Floor of the score of a trajectory outside every trust region; default 4.0 (the published samples use 0).</summary>
    public double MinimumScoreOutsideTrustRegion { get; init; } = 4.0;

    /// <summary>Waypoints per second; default 4 (the published samples are at 1 Hz).</summary>
    public int FrequencyHz { get; init; } = 4;

    /// <summary>Length of the trajectories compared, s; default 5.</summary>
    public int LengthSeconds { get; init; } = 5;

    /// <summary>At most this many rater trajectories are used per scene (more are dropped, as Waymo does); default 3.</summary>
    public int MaxRaterTrajectories { get; init; } = 3;
}
