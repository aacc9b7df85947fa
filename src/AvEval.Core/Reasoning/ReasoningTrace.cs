namespace AvEval.Reasoning;

/// <summary>
/// The reasoning a candidate gave with a drive: its steps in time order. Emitted by a planner candidate
/// (<see cref="Candidates.IReasoningCandidate"/>), built from free text of a vision-language-action model, or built for a
/// golden set.
/// </summary>
/// <param name="Source">Who reasoned, e.g. <c>planner rc-2027.02.1-mobil</c>, <c>free text of vla-x</c>, <c>golden (true)</c>.</param>
/// <param name="Steps">The steps, ordered by time.</param>
/// <param name="HorizonSeconds">
/// How long each step's maneuver is meant to hold, s: a planner's decision period (0.1 s), or null for a trace that does
/// not say (free text), which the checks read as <see cref="ReasoningCheckOptions.LongitudinalWindowSeconds"/>.
/// </param>
public sealed record ReasoningTrace(string Source, IReadOnlyList<ReasoningStep> Steps, double? HorizonSeconds = null);
