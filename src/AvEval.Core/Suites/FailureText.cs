using System.Globalization;
using System.Text;
using AvEval.Analysis;
using AvEval.Scenarios;
using AvEval.Suites.Internal;

namespace AvEval.Suites;

/// <summary>The failure messages of scenario cases, written for a driving engineer; the same under <c>dotnet test</c> and <c>aveval run</c>.</summary>
public static class FailureText
{
    private const int MaxEvents = 6;

    /// <summary>A scenario verdict that did not pass: what, where in the file, on which log and ego, and where the evidence is.</summary>
    /// <param name="result">The result.</param>
    /// <param name="file">The scenario file, as the message names it.</param>
    public static string ForVerdict(CaseResult result, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
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
        sb.Append("  evidence: every metric, event and expectation of this drive is attached to the test result as evaluation.json");
        return sb.ToString();
    }

    /// <summary>The events of an evaluation, indented, at most six with a count of the rest (<c>  events: none</c> when there are none).</summary>
    /// <param name="evaluation">The evaluation.</param>
    public static string Events(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
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
