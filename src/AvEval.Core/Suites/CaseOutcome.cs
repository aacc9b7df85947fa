using AvEval.Runs;

namespace AvEval.Suites;

/// <summary>
/// A case judged under the severity policy (<see cref="SeverityPolicy"/>): pass, pass with warnings, or failure with the
/// message a test fails with, and the record a run stores. The xunit surface maps it to a pass, an assertion failure or
/// <c>TestContext</c> warnings; <c>aveval run</c> prints it.
/// </summary>
/// <param name="Case">The case.</param>
/// <param name="Kind">Pass, warning or failure.</param>
/// <param name="Failure">For <see cref="CaseOutcomeKind.Failure"/>, what the test fails with; else null.</param>
/// <param name="Warnings">The warnings, in the order they arose; empty unless <see cref="CaseOutcomeKind.Warning"/>.</param>
/// <param name="Note">Written to the test output whatever the outcome: for a log check, why it checks the log; else null.</param>
/// <param name="Result">The drive, evaluation and verdict; null when the case could not be evaluated (bad input).</param>
/// <param name="Error">The bad-input error behind a failure without a result; else null.</param>
/// <param name="Record">The case as a run stores it.</param>
public sealed record CaseOutcome(
    SuiteCase Case,
    CaseOutcomeKind Kind,
    string? Failure,
    IReadOnlyList<string> Warnings,
    string? Note,
    CaseResult? Result,
    Exception? Error,
    CaseRecord Record);
