using AvEval.Scenarios.Expectations;

namespace AvEval.Xunit.Internal;

/// <summary>The failure messages of C# assertions; those of scenario verdicts are Core's <see cref="Suites.FailureText"/>.</summary>
internal static class FailureText
{
    /// <summary>A failed C# assertion: the drive, the outcome's message, and the drive's events.</summary>
    public static string ForAssertion(EvaluatedDrive drive, ExpectationOutcome outcome) =>
        $"{drive.Label}: {outcome.Outcome.ToString().ToLowerInvariant()}: '{outcome.Expectation}': {outcome.Message}{Environment.NewLine}{Suites.FailureText.Events(drive.Evaluation)}";
}
