using AvEval.Scenes;

namespace AvEval.Learned.Evaluators;

/// <summary>A learned evaluator's result on one drive.</summary>
/// <param name="Model">The model, <c>id@version</c>.</param>
/// <param name="SceneId">The drive's scene.</param>
/// <param name="Ego">The drive's ego.</param>
/// <param name="Probability">The drive-level output (window outputs aggregated as the card says); null when the drive has no window.</param>
/// <param name="Windows">Every window's output, in time order.</param>
/// <param name="Reason">Why there is no probability; null when there is.</param>
public sealed record LearnedResult(string Model, string SceneId, TrackId Ego, double? Probability, IReadOnlyList<WindowScore> Windows, string? Reason)
{
    /// <summary>
    /// The evaluator's probability for a time span [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>) of the
    /// drive: the highest output among the windows lying wholly inside it (within 1 ms); when none does (a span shorter
    /// than a window, or at the track's ends), the highest among the windows overlapping it; null when no window overlaps.
    /// </summary>
    public double? ProbabilityWithin(double startSeconds, double endSeconds)
    {
        const double tolerance = 1e-3;
        double? inside = null, overlapping = null;
        foreach (var w in Windows)
        {
            if (w.StartSeconds >= startSeconds - tolerance && w.EndSeconds <= endSeconds + tolerance)
            {
                inside = Math.Max(inside ?? double.NegativeInfinity, w.Probability);
            }

            if (w.StartSeconds < endSeconds && w.EndSeconds > startSeconds)
            {
                overlapping = Math.Max(overlapping ?? double.NegativeInfinity, w.Probability);
            }
        }

        return inside ?? overlapping;
    }
}
