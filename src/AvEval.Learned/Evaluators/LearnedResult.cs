using AvEval.Scenes;

namespace AvEval.Learned.Evaluators;

/// <summary>A learned evaluator's result on one drive.</summary>
/// <param name="Model">The model, <c>id@version</c>.</param>
/// <param name="SceneId">The drive's scene.</param>
/// <param name="Ego">The drive's ego.</param>
/// <param name="Probability">The drive-level output (window outputs aggregated as the card says); null when the drive has no window.</param>
/// <param name="Windows">Every window's output, in time order.</param>
/// <param name="Reason">Why there is no probability; null when there is.</param>
public sealed record LearnedResult(string Model, string SceneId, TrackId Ego, double? Probability, IReadOnlyList<WindowScore> Windows, string? Reason);
