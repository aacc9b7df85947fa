using System.Globalization;
using System.Text;
using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Xunit.Internal;

/// <summary>The failure messages of scenario tests and assertions, written for a driving engineer.</summary>
internal static class FailureText
{
    private const int MaxEvents = 6;

    /// <summary>A failed C# assertion: the drive, the outcome's message, and the drive's events.</summary>
    public static string ForAssertion(EvaluatedDrive drive, ExpectationOutcome outcome) =>
        $"{drive.Label}: {outcome.Outcome.ToString().ToLowerInvariant()}: '{outcome.Expectation}': {outcome.Message}{Environment.NewLine}{Events(drive.Evaluation)}";

    /// <summary>A scenario verdict that did not pass: what, where in the file, on which log and ego, and where the evidence is.</summary>
    public static string ForVerdict(ScenarioResult result, string file)
    {
        var spec = result.Spec;
        var sb = new StringBuilder();
        var verdict = result.Verdict;
        sb.Append(CultureInfo.InvariantCulture, $"{verdict.ScenarioId} @ {verdict.Candidate}: {verdict.Outcome.ToString().ToLowerInvariant()} ({spec.Severity.ToString().ToLowerInvariant()})");
        if (verdict.Outcome == Outcome.Inconclusive && verdict.BlocksRelease)
        {
            sb.Append("; inconclusive counts as failing for a blocking scenario");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  scenario: {spec.Title} ({file})");
        var window = spec.Window is { } w ? $", window {F(w.StartSeconds)}–{F(w.EndSeconds)} s" : "";
        sb.AppendLine(CultureInfo.InvariantCulture, $"  drive: ego track {spec.Ego} on log {spec.Log}{window}, driven by {result.Candidate.Id} ({result.Candidate.Description})");
        for (var i = 0; i < verdict.Expectations.Count; i++)
        {
            var e = verdict.Expectations[i];
            if (e.Outcome != Outcome.Pass)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {e.Outcome.ToString().ToLowerInvariant()}: '{e.Expectation}' ({spec.Expectations[i].Location}): {e.Message}");
            }
        }

        if (MotionText.LogOnly(MotionText.Uncontrolled(spec, result.Candidate), result.Candidate) is { } logOnly)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  checks the log, not the candidate: {logOnly}.");
        }

        sb.Append(Events(result.Evaluation));
        sb.AppendLine();
        sb.Append("  evidence: every metric, event and series of this drive is attached to the test result as evaluation.json");
        return sb.ToString();
    }

    private static string Events(Evaluation evaluation)
    {
        if (evaluation.Events.Count == 0)
        {
            return "  events: none";
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"  events ({evaluation.Events.Count}):");
        foreach (var e in evaluation.Events.Take(MaxEvents))
        {
            var agents = e.Agents.Count == 0 ? "" : $" with track {string.Join(", ", e.Agents)}";
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"    {e.Kind} t={F(e.StartSeconds)}–{F(e.EndSeconds)} s{agents}: {e.Summary}");
        }

        if (evaluation.Events.Count > MaxEvents)
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"    ... and {evaluation.Events.Count - MaxEvents} more in evaluation.json");
        }

        return sb.ToString();
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
