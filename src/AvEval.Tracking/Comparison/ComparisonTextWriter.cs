using System.Globalization;
using System.Text;
using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// Writes a <see cref="Comparison"/> for a person: as aligned text (<see cref="Table"/>) or as GitHub Markdown
/// (<see cref="Markdown"/>). Both lead with the two runs, then per behaviour the paired statistics, then the metric
/// changes, then the scenarios that did not stay passing (new failures first), the flaky ones, and the unpaired ones.
/// Rates and changes are in percentage points of pass rate; p-values are McNemar's exact two-sided.
/// </summary>
public static class ComparisonTextWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Aligned text.</summary>
    public static string Table(Comparison comparison) => Write(comparison, markdown: false);

    /// <summary>GitHub-flavoured Markdown.</summary>
    public static string Markdown(Comparison comparison) => Write(comparison, markdown: true);

    /// <summary>A proportion as a percentage with one decimal (<c>87.5%</c>).</summary>
    public static string Percent(double value) => double.IsFinite(value) ? (100 * value).ToString("0.0", C) + "%" : "-";

    /// <summary>A signed change of a proportion in percentage points (<c>-80.0 pp</c>).</summary>
    public static string Points(double value) => double.IsFinite(value) ? (100 * value).ToString("+0.0;-0.0;0.0", C) + " pp" : "-";

    /// <summary>A p-value with four significant digits.</summary>
    public static string P(double value) => value.ToString(value < 1e-4 ? "0.000e+0" : "0.0000", C);

    /// <summary>A line naming both runs.</summary>
    public static string Header(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        int pairs = comparison.Scenarios.Count;
        int flaky = comparison.Scenarios.Count(s => s.Transition == Transition.Flaky);
        return string.Create(C, $"{comparison.Candidate.Candidate} ({comparison.Candidate.Run}) vs baseline {comparison.Baseline.Candidate} ({comparison.Baseline.Run}): {pairs} paired scenarios, {flaky} flaky, {comparison.OnlyInBaseline.Count} only in the baseline, {comparison.OnlyInCandidate.Count} only in the candidate");
    }

    private static string Write(Comparison comparison, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var o = new StringBuilder();
        o.AppendLine(markdown ? $"### {Header(comparison)}" : Header(comparison));
        o.AppendLine();
        string level = (100 * comparison.Options.Level).ToString("0.#", C) + "%";
        string[] header = ["behaviour", "pairs", "baseline", $"{level} CI", "candidate", $"{level} CI", "change", $"{level} CI", "new fail", "fixed", "flaky", "mcnemar p", "p holm", "q bh"];
        var rows = comparison.Behaviors.Select(b => new[]
        {
            b.Behavior,
            b.Pairs.ToString(C),
            Percent(b.Pairs == 0 ? double.NaN : (double)b.BaselinePasses / b.Pairs),
            Range(b.BaselineRate, Percent),
            Percent(b.Pairs == 0 ? double.NaN : (double)b.CandidatePasses / b.Pairs),
            Range(b.CandidateRate, Percent),
            Points(b.Change),
            Range(b.ChangeInterval, Points),
            b.PassToFail.ToString(C),
            b.FailToPass.ToString(C),
            b.Flaky.ToString(C),
            P(b.McNemarP),
            P(b.PHolm),
            P(b.QBh),
        }).ToList();
        Grid(o, header, rows, markdown);

        var metrics = comparison.Behaviors.SelectMany(b => b.Metrics.Select(m => (b.Behavior, m))).ToList();
        if (metrics.Count > 0)
        {
            o.AppendLine();
            o.AppendLine(string.Create(C, $"{(markdown ? "#### " : string.Empty)}metric changes (candidate − baseline, mean over pairs; seeded paired bootstrap, {comparison.Options.Resamples} resamples, seed {comparison.Options.Seed}, percentile {level} interval)"));
            o.AppendLine();
            Grid(o, ["behaviour", "metric", "pairs", "baseline", "candidate", "difference", $"{level} CI"], [.. metrics.Select(x => new[]
            {
                x.Behavior,
                x.m.Metric,
                x.m.Pairs.ToString(C),
                Value(x.m.BaselineMean, x.m.Unit),
                Value(x.m.CandidateMean, x.m.Unit),
                Value(x.m.Difference.Estimate, x.m.Unit, signed: true),
                Range(x.m.Difference.Interval, v => Value(v, x.m.Unit, signed: true)),
            })], markdown);
        }

        var moved = comparison.Scenarios.Where(s => s.Transition is Transition.NewFailure or Transition.Fixed or Transition.StillFailing or Transition.Flaky)
            .OrderBy(s => s.Transition).ThenBy(s => s.Scenario, StringComparer.Ordinal).ToList();
        if (moved.Count > 0)
        {
            o.AppendLine();
            o.AppendLine(markdown ? "#### scenarios that did not stay passing" : "scenarios that did not stay passing:");
            o.AppendLine();
            Grid(o, ["transition", "scenario", "baseline", "candidate", "flip rate"], [.. moved.Select(s => new[]
            {
                ComparisonJsonWriter.TransitionText(s.Transition),
                s.Scenario,
                ComparisonJsonWriter.OutcomeText(s.Baseline),
                ComparisonJsonWriter.OutcomeText(s.Candidate),
                s.FlipRate is { } r ? r.ToString("0.00", C) : "-",
            })], markdown);
        }

        if (comparison.Attribution is { } attribution)
        {
            Attribution(o, attribution, markdown);
        }

        Unpaired(o, "only in the baseline (not paired)", comparison.OnlyInBaseline, markdown);
        Unpaired(o, "only in the candidate (not paired)", comparison.OnlyInCandidate, markdown);
        o.AppendLine();
        o.AppendLine(string.Create(C, $"pass = verdict pass (fail, inconclusive and bad input do not pass); pass-rate intervals Wilson, change interval Newcombe paired score; McNemar exact two-sided; Holm and BH across the {comparison.Behaviors.Count(b => b.PassToFail + b.FailToPass > 0)} behaviour(s) with discordant pairs; flaky = flip rate above {comparison.Options.FlakyThreshold.ToString("0.###", C)} over {comparison.BaselineHistory.Runs} baseline and {comparison.CandidateHistory.Runs} candidate run(s) of the same fingerprints."));
        return o.ToString();
    }

    private static void Attribution(StringBuilder o, Attribution a, bool markdown)
    {
        o.AppendLine();
        o.AppendLine(markdown ? "#### attribution: driving or evaluators?" : "attribution: driving or evaluators?");
        o.AppendLine();
        o.AppendLine("the evaluator sets differ:");
        foreach (string line in a.Differences)
        {
            o.AppendLine(markdown ? $"- {line}" : $"  {line}");
        }

        o.AppendLine();
        if (a.Status == AttributionStatus.Skipped)
        {
            o.AppendLine($"attribution skipped: {a.Reason}.");
            return;
        }

        Grid(o, ["behaviour", "pairs", "change", "driving", "evaluator", "driving @E_b", "evaluator @D_c", "evaluator @D_b", "driving @E_c", "interaction"], [.. a.Behaviors.Select(b => new[]
        {
            b.Behavior,
            b.Pairs.ToString(C),
            Points(b.Total),
            Points(b.Driving),
            Points(b.Evaluator),
            Points(b.DrivingAtBaselineEvaluators),
            Points(b.EvaluatorAtCandidateDrives),
            Points(b.EvaluatorAtBaselineDrives),
            Points(b.DrivingAtCandidateEvaluators),
            Points(b.Interaction),
        })], markdown);
        var excluded = a.Scenarios.Where(s => s.Excluded is not null).ToList();
        if (excluded.Count > 0)
        {
            o.AppendLine();
            o.AppendLine("excluded from attribution:");
            foreach (var s in excluded)
            {
                o.AppendLine(markdown ? $"- {s.Scenario}: {s.Excluded}" : $"  {s.Scenario}: {s.Excluded}");
            }
        }

        o.AppendLine();
        o.AppendLine("drives regenerated from each run's manifest and scored with both evaluator sets (D = whose drive, E = whose scenario files and evaluators); driving and evaluator are Shapley values, the mean of the two orders (driving @E_b then evaluator @D_c, or evaluator @D_b then driving @E_c); interaction = driving @E_c − driving @E_b.");
    }

    private static void Unpaired(StringBuilder o, string title, IReadOnlyList<string> scenarios, bool markdown)
    {
        if (scenarios.Count == 0)
        {
            return;
        }

        o.AppendLine();
        o.AppendLine(markdown ? $"#### {title}" : $"{title}:");
        foreach (string s in scenarios)
        {
            o.AppendLine(markdown ? $"- `{s}`" : $"  {s}");
        }
    }

    private static string Range(ConfidenceInterval? interval, Func<double, string> format) =>
        interval is null || !double.IsFinite(interval.Lower) ? "-" : $"{format(interval.Lower)} .. {format(interval.Upper)}";

    private static string Value(double value, string unit, bool signed = false) =>
        !double.IsFinite(value) ? "-" : value.ToString(signed ? "+0.000;-0.000;0.000" : "0.000", C) + (unit.Length > 0 && unit != "1" ? " " + unit : string.Empty);

    /// <summary>A table: Markdown pipes, or columns padded to their widest cell (numbers right-aligned).</summary>
    internal static void Grid(StringBuilder o, string[] header, IReadOnlyList<string[]> rows, bool markdown)
    {
        if (markdown)
        {
            o.AppendLine("| " + string.Join(" | ", header) + " |");
            o.AppendLine("|" + string.Join("|", header.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
            foreach (var row in rows)
            {
                o.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }

            return;
        }

        int[] widths = [.. header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())];
        o.AppendLine(string.Join("  ", header.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            o.AppendLine(string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        }
    }
}
