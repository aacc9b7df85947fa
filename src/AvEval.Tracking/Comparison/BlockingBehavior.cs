namespace AvEval.Tracking.Comparison;

/// <summary>A behaviour that blocks a release when it regresses.</summary>
/// <param name="Behavior">The behaviour, as scenario files spell it (<c>following_distance</c>).</param>
/// <param name="Margin">The tolerated drop of its pass rate, 0–1: it regresses only when the one-sided upper confidence bound of the pass-rate change is below −<paramref name="Margin"/>.</param>
public sealed record BlockingBehavior(string Behavior, double Margin);
