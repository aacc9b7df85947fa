namespace AvEval.Reasoning;

/// <summary>One step of a reasoning trace: at a log time, the maneuver chosen, the agents cited as its causes, and the text.</summary>
/// <param name="TimeSeconds">Log time of the decision, s.</param>
/// <param name="Maneuver">The maneuver the step states; null when its text maps onto no label of the taxonomy.</param>
/// <param name="Cited">The agents cited, in the order the text names them; may be empty (a free road).</param>
/// <param name="Text">The step in words, e.g. <c>decelerate: lead 515 is 8.2 m ahead, closing at 2.1 m/s</c>.</param>
public sealed record ReasoningStep(double TimeSeconds, Maneuver? Maneuver, IReadOnlyList<CitedAgent> Cited, string Text);
