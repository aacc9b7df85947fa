namespace AvEval.Judges.Reasoning;

/// <summary>One line of a free-text reasoning traces file.</summary>
/// <param name="Line">Its 1-based line number.</param>
/// <param name="Scenario">The scenario it is about: id, behaviour/id, or file under the suite.</param>
/// <param name="Candidate">The candidate that reasoned.</param>
/// <param name="TimeSeconds">The log time of the step, s.</param>
/// <param name="Text">The reasoning, free text.</param>
public sealed record FreeTextLine(int Line, string Scenario, string Candidate, double TimeSeconds, string Text);
