namespace AvEval.Learned.Evaluators;

/// <summary>One window's model output.</summary>
/// <param name="StartSeconds">Window start, s.</param>
/// <param name="EndSeconds">Window end (exclusive), s.</param>
/// <param name="Probability">The model's output for it, 0–1.</param>
public readonly record struct WindowScore(double StartSeconds, double EndSeconds, double Probability);
