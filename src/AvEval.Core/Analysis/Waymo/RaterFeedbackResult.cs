namespace AvEval.Analysis.Waymo;

/// <summary>The rater feedback score of one predicted trajectory.</summary>
/// <param name="Score">The score, 0–10.</param>
/// <param name="WithinTrustRegion">Whether the trajectory lies within some rater trajectory's trust region at every checkpoint.</param>
/// <param name="NormalisedDistances">Per rater trajectory and checkpoint, max(lng / lng threshold, lat / lat threshold).</param>
public sealed record RaterFeedbackResult(double Score, bool WithinTrustRegion, IReadOnlyList<IReadOnlyList<double>> NormalisedDistances);
