namespace AvEval.Tracking.Comparison;

/// <summary>Whether an <see cref="Attribution"/> was computed.</summary>
public enum AttributionStatus
{
    /// <summary>Every evaluator version resolved and the drives were regenerated and scored crosswise.</summary>
    Attributed,

    /// <summary>Not computed; <see cref="Attribution.Reason"/> says why (never guessed).</summary>
    Skipped,
}
