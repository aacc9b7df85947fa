namespace AvEval.Reasoning;

/// <summary>
/// Thresholds of the chain-of-thought checks (AvEval's choices, not published ones; docs/judges.md, "Chain-of-thought
/// quality", gives the reasons).
/// </summary>
public sealed record ReasoningCheckOptions
{
    /// <summary>The window after a step over which the realised longitudinal acceleration is measured, s.</summary>
    public double LongitudinalWindowSeconds { get; init; } = 1.0;

    /// <summary>A step is checked along the path only when at least this much of its window lies in the drive, s.</summary>
    public double MinimumWindowSeconds { get; init; } = 0.5;

    /// <summary>
    /// How far the realised mean acceleration must go the other way to contradict a step, m/s²: <c>accelerate</c> is
    /// contradicted below −this, <c>decelerate</c> above +this, <c>keep</c> beyond ± twice this.
    /// </summary>
    public double ContradictionBand { get; init; } = 0.5;

    /// <summary><c>stop</c> is contradicted when the ego is faster than this at the end of the window and not slowing by <see cref="ContradictionBand"/>, m/s.</summary>
    public double StopContradictionSpeed { get; init; } = 2.0;

    /// <summary>A stated lane change is consistent when the ego's lane changes to that side within ± this of the step, s.</summary>
    public double LaneChangeWindowSeconds { get; init; } = 6.0;

    /// <summary><c>keep-lane</c> is contradicted when the ego enters another lane within this after the step, s.</summary>
    public double KeepLaneWindowSeconds { get; init; } = 1.0;

    /// <summary>Lane changes count when the new lane holds this long (as <see cref="Analysis.Behaviour.LaneChangeOptions"/>), s.</summary>
    public double LaneChangeHoldSeconds { get; init; } = 0.5;

    /// <summary>A stated distance is wrong when it differs from the measured one by more than the larger of this and <see cref="DistanceRelativeTolerance"/>, m.</summary>
    public double DistanceToleranceMetres { get; init; } = 3.0;

    /// <summary>The relative part of the distance tolerance (of the measured distance).</summary>
    public double DistanceRelativeTolerance { get; init; } = 0.2;

    /// <summary>A stated closing speed is wrong when it differs from the measured one by more than the larger of this and <see cref="ClosingSpeedRelativeTolerance"/>, m/s.</summary>
    public double ClosingSpeedToleranceMps { get; init; } = 1.5;

    /// <summary>The relative part of the closing-speed tolerance (of the measured closing speed's magnitude).</summary>
    public double ClosingSpeedRelativeTolerance { get; init; } = 0.25;

    /// <summary>A hazard is mentioned by a step from this long before it starts, s.</summary>
    public double MentionBeforeSeconds { get; init; } = 1.0;

    /// <summary>A hazard is mentioned by a step until this long after it ends, s.</summary>
    public double MentionAfterSeconds { get; init; } = 1.0;

    /// <summary>Lead braking: the lead's smoothed longitudinal acceleration at or below this, m/s².</summary>
    public double LeadBrakingThreshold { get; init; } = -2.0;

    /// <summary>Lead braking: for at least this long while it is the ego's lead, s.</summary>
    public double LeadBrakingMinDurationSeconds { get; init; } = 0.3;
}
