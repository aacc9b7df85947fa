using AvEval.Scenarios;

namespace AvEval.Runs;

/// <summary>One expectation of a case as judged.</summary>
/// <param name="Index">0-based position in the scenario's list.</param>
/// <param name="Text">The expectation as written (<c>thw.gap.min &gt;= 1 s</c>).</param>
/// <param name="Outcome">Pass, fail or inconclusive.</param>
/// <param name="Measured">The measured value in <paramref name="Unit"/>, or null when there was none.</param>
/// <param name="Expected">The bound in <paramref name="Unit"/>, or null for event expectations.</param>
/// <param name="Unit">The unit of both values (the metric's unit).</param>
/// <param name="Message">What the outcome says.</param>
/// <param name="Location">Where the expectation is written in the scenario file (<c>file:line:column</c>, the file relative to the suite root); null when not known (a record stored before schema version 3).</param>
public sealed record ExpectationRecord(int Index, string Text, Outcome Outcome, double? Measured, double? Expected, string Unit, string Message, SourceLocation? Location = null);
