namespace AvEval.Golden;

/// <summary>One bin of a reliability diagram: items whose probability lies in [<paramref name="Lower"/>, <paramref name="Upper"/>) (the last bin closed).</summary>
/// <param name="Lower">Lower edge, 0–1.</param>
/// <param name="Upper">Upper edge, 0–1.</param>
/// <param name="Items">Items in the bin.</param>
/// <param name="MeanProbability">Their mean probability.</param>
/// <param name="Positives">Of them, items labelled positive.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Items, double MeanProbability, int Positives);
