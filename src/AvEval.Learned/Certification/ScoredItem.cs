namespace AvEval.Learned.Certification;

/// <summary>A golden-set item with the evaluator's probability for its window and the set's adjudicated label.</summary>
/// <param name="Item">The item id.</param>
/// <param name="Scene">The item's scene (the unit of the fit/evaluation split: never split by window).</param>
/// <param name="Probability">The evaluator's probability for the item's window, 0–1 (<see cref="Evaluators.LearnedResult.ProbabilityWithin"/>).</param>
/// <param name="Label">The adjudicated label (<c>0</c> or <c>1</c>); null when unresolved (a tie).</param>
public sealed record ScoredItem(string Item, string Scene, double Probability, string? Label);
