namespace AvEval.Statistics;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Lower">The bin's lower edge (equal width) or its smallest confidence (equal mass).</param>
/// <param name="Upper">The bin's upper edge (equal width) or its largest confidence (equal mass).</param>
/// <param name="Count">Items in the bin.</param>
/// <param name="MeanConfidence">Mean confidence of those items; NaN when the bin is empty.</param>
/// <param name="Accuracy">Share of those items whose outcome is true; NaN when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
