namespace AvEval.Reports.Model;

/// <summary>One bin of a reliability diagram: items with a probability in [<paramref name="Lower"/>, <paramref name="Upper"/>).</summary>
/// <param name="Lower">Lower edge, 0–1.</param>
/// <param name="Upper">Upper edge, 0–1.</param>
/// <param name="Items">Items in the bin.</param>
/// <param name="MeanProbability">Their mean probability.</param>
/// <param name="Positives">Items labelled positive.</param>
/// <param name="ObservedRate"><paramref name="Positives"/> / <paramref name="Items"/>.</param>
public sealed record ReportReliabilityBin(double Lower, double Upper, int Items, double MeanProbability, int Positives, double ObservedRate);
