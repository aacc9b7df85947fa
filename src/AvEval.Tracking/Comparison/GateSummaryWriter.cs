using System.Globalization;
using System.Text;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// The gate's decision as Markdown for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: the decision first, then
/// the blocking behaviours that decided it (regressed ones first), then the new failures, the flaky scenarios kept out,
/// and the full comparison folded in a <c>&lt;details&gt;</c> block.
/// </summary>
public static class GateSummaryWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The decision's first line (<c>PASS</c> or <c>FAIL</c>, and why).</summary>
    public static string DecisionLine(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var regressed = decision.Verdicts.Where(v => v.Regressed).Select(v => v.Behavior.Behavior).ToList();
        var comparison = decision.Comparison;
        string who = $"{comparison.Candidate.Candidate} vs {comparison.Baseline.Candidate}";
        return regressed.Count == 0
            ? string.Create(C, $"PASS: {who}: no blocking behaviour regressed ({decision.Verdicts.Count} checked, {decision.NewFailures.Count} new failure(s) within noise or margin)")
            : string.Create(C, $"FAIL: {who}: {string.Join(", ", regressed)} regressed");
    }

    /// <summary>The summary.</summary>
    public static string Write(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var policy = decision.Policy;
        var comparison = decision.Comparison;
        var o = new StringBuilder();
        o.AppendLine($"## AvEval gate: {DecisionLine(decision)}");
        o.AppendLine();
        o.AppendLine(string.Create(C, $"Candidate `{comparison.Candidate.Candidate}` (run `{comparison.Candidate.Run}`) vs baseline `{comparison.Baseline.Candidate}` (run `{comparison.Baseline.Run}`); policy `{policy.File}`: α = {policy.SignificanceLevel}, correction {ReleaseGate.Name(policy.Correction)}, flaky above a flip rate of {policy.FlakyThreshold}."));
        o.AppendLine();
        o.AppendLine(decision.Passed ? "### Blocking behaviours" : "### Behaviours that decided it");
        o.AppendLine();
        string level = (100 * (1 - policy.SignificanceLevel)).ToString("0.#", C) + "%";
        ComparisonTextWriter.Grid(o, ["behaviour", "verdict", "pairs", "baseline", "candidate", "change", $"upper {level} bound", "margin", "new fail", "fixed", $"p ({ReleaseGate.Name(policy.Correction)})"], [.. decision.Verdicts.OrderByDescending(v => v.Regressed).Select(v => new[]
        {
            v.Behavior.Behavior,
            v.Regressed ? "**regressed**" : "ok",
            v.Behavior.Pairs.ToString(C),
            ComparisonTextWriter.Percent((double)v.Behavior.BaselinePasses / v.Behavior.Pairs),
            ComparisonTextWriter.Percent((double)v.Behavior.CandidatePasses / v.Behavior.Pairs),
            ComparisonTextWriter.Points(v.Behavior.Change),
            ComparisonTextWriter.Points(v.UpperBound),
            "−" + (100 * v.Margin).ToString("0.#", C) + " pp",
            v.Behavior.PassToFail.ToString(C),
            v.Behavior.FailToPass.ToString(C),
            ComparisonTextWriter.P(v.AdjustedP),
        })], markdown: true);
        o.AppendLine();
        foreach (var v in decision.Verdicts.Where(v => v.Regressed))
        {
            o.AppendLine($"- `{v.Behavior.Behavior}`: {v.Reason}.");
        }

        var newFailures = decision.NewFailures;
        o.AppendLine();
        o.AppendLine(string.Create(C, $"### New failures in blocking behaviours ({newFailures.Count})"));
        o.AppendLine();
        if (newFailures.Count == 0)
        {
            o.AppendLine("None.");
        }

        foreach (var s in newFailures)
        {
            o.AppendLine($"- `{s.Scenario}`: {ComparisonJsonWriter.OutcomeText(s.Baseline)} → {ComparisonJsonWriter.OutcomeText(s.Candidate)}");
        }

        if (decision.Flaky.Count > 0)
        {
            o.AppendLine();
            o.AppendLine(string.Create(C, $"### Flaky, kept out of the decision ({decision.Flaky.Count})"));
            o.AppendLine();
            foreach (var s in decision.Flaky)
            {
                o.AppendLine(string.Create(C, $"- `{s.Scenario}`: flip rate {s.FlipRate:0.00}, {ComparisonJsonWriter.OutcomeText(s.Baseline)} → {ComparisonJsonWriter.OutcomeText(s.Candidate)}"));
            }
        }

        o.AppendLine();
        o.AppendLine("<details><summary>Full comparison</summary>");
        o.AppendLine();
        o.Append(ComparisonTextWriter.Markdown(comparison));
        o.AppendLine();
        o.AppendLine("</details>");
        return o.ToString();
    }
}
