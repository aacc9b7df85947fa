using System.Text;
using System.Text.Json;
using AvEval.Scenarios;
using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// Writes a <see cref="Comparison"/> as one <c>aveval.comparison/1</c> JSON document: <c>format</c>, <c>baseline</c> and
/// <c>candidate</c> (run, candidate, fingerprint, cases), <c>settings</c>, <c>behaviours</c> (each with <c>behaviour</c>,
/// <c>pairs</c>, <c>flaky</c>, pass counts and rates with Wilson intervals, <c>pass_to_fail</c>, <c>fail_to_pass</c>,
/// <c>mcnemar_p</c>, <c>p_holm</c>, <c>q_bh</c>, <c>change</c> with its Newcombe interval, and <c>metrics</c>),
/// <c>scenarios</c> (each with <c>scenario</c>, <c>behaviour</c>, <c>baseline</c>, <c>candidate</c>, <c>transition</c>,
/// <c>flip_rate</c>), <c>only_in_baseline</c> and <c>only_in_candidate</c>, and, only when the two runs' evaluator sets
/// differ, <c>attribution</c> (<c>status</c> attributed or skipped, <c>reason</c>, <c>differences</c>, per behaviour the four
/// cell pass counts, <c>total</c>, <c>driving</c> and <c>evaluator</c> (Shapley), both orders and <c>interaction</c>, and per
/// scenario the four cells, the drive hashes and <c>excluded</c>). A value that is not a number is null.
/// </summary>
public static class ComparisonJsonWriter
{
    /// <summary>The document as indented UTF-8 text.</summary>
    public static string Write(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Comparison.Format);
            w.WriteString("store", comparison.Store);
            Side(w, "baseline", comparison.Baseline, comparison.BaselineHistory);
            Side(w, "candidate", comparison.Candidate, comparison.CandidateHistory);
            w.WriteStartObject("settings");
            w.WriteNumber("bootstrap_resamples", comparison.Options.Resamples);
            w.WriteNumber("seed", comparison.Options.Seed);
            w.WriteNumber("level", comparison.Options.Level);
            w.WriteNumber("flaky_threshold", comparison.Options.FlakyThreshold);
            w.WriteEndObject();
            w.WriteStartArray("behaviours");
            foreach (var b in comparison.Behaviors)
            {
                w.WriteStartObject();
                w.WriteString("behaviour", b.Behavior);
                w.WriteNumber("pairs", b.Pairs);
                w.WriteNumber("flaky", b.Flaky);
                w.WriteNumber("baseline_passes", b.BaselinePasses);
                w.WriteNumber("candidate_passes", b.CandidatePasses);
                Rate(w, "baseline_pass_rate", b.BaselinePasses, b.Pairs, b.BaselineRate);
                Rate(w, "candidate_pass_rate", b.CandidatePasses, b.Pairs, b.CandidateRate);
                w.WriteNumber("pass_to_fail", b.PassToFail);
                w.WriteNumber("fail_to_pass", b.FailToPass);
                w.WriteNumber("still_passing", b.StillPassing);
                w.WriteNumber("still_failing", b.StillFailing);
                w.WriteNumber("mcnemar_p", b.McNemarP);
                w.WriteNumber("p_holm", b.PHolm);
                w.WriteNumber("q_bh", b.QBh);
                Number(w, "change", b.Change);
                Interval(w, "change_interval", b.ChangeInterval);
                w.WriteStartArray("metrics");
                foreach (var m in b.Metrics)
                {
                    w.WriteStartObject();
                    w.WriteString("metric", m.Metric);
                    w.WriteString("unit", m.Unit);
                    w.WriteNumber("pairs", m.Pairs);
                    Number(w, "baseline_mean", m.BaselineMean);
                    Number(w, "candidate_mean", m.CandidateMean);
                    Number(w, "mean_difference", m.Difference.Estimate);
                    Interval(w, "interval", m.Difference.Interval);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("scenarios");
            foreach (var s in comparison.Scenarios)
            {
                w.WriteStartObject();
                w.WriteString("scenario", s.Scenario);
                w.WriteString("behaviour", s.Behavior);
                w.WriteString("severity", s.Severity.ToString().ToLowerInvariant());
                w.WriteString("baseline", OutcomeText(s.Baseline));
                w.WriteString("candidate", OutcomeText(s.Candidate));
                w.WriteString("transition", TransitionText(s.Transition));
                if (s.FlipRate is { } rate)
                {
                    w.WriteNumber("flip_rate", rate);
                }
                else
                {
                    w.WriteNull("flip_rate");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, "only_in_baseline", comparison.OnlyInBaseline);
            Strings(w, "only_in_candidate", comparison.OnlyInCandidate);
            if (comparison.Attribution is { } attribution)
            {
                Attribution(w, attribution);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A transition as the documents and tables name it: <c>new_failure</c>, <c>fixed</c>, <c>still_failing</c>, <c>still_passing</c>, <c>flaky</c>.</summary>
    public static string TransitionText(Transition transition) => transition switch
    {
        Transition.NewFailure => "new_failure",
        Transition.Fixed => "fixed",
        Transition.StillFailing => "still_failing",
        Transition.StillPassing => "still_passing",
        _ => "flaky",
    };

    /// <summary>A verdict as text: <c>pass</c>, <c>fail</c>, <c>inconclusive</c>, or <c>not_run</c> for bad input.</summary>
    public static string OutcomeText(Outcome? outcome) => outcome?.ToString().ToLowerInvariant() ?? "not_run";

    private static void Attribution(Utf8JsonWriter w, Attribution a)
    {
        w.WriteStartObject("attribution");
        w.WriteString("status", a.Status == AttributionStatus.Attributed ? "attributed" : "skipped");
        if (a.Reason is null)
        {
            w.WriteNull("reason");
        }
        else
        {
            w.WriteString("reason", a.Reason);
        }

        w.WriteString("method", "2x2 of drives (D_b, D_c) and evaluator sets (E_b, E_c); driving and evaluator effects are Shapley values, the mean over both orders");
        Strings(w, "differences", a.Differences);
        w.WriteStartArray("behaviours");
        foreach (var b in a.Behaviors)
        {
            w.WriteStartObject();
            w.WriteString("behaviour", b.Behavior);
            w.WriteNumber("pairs", b.Pairs);
            w.WriteNumber("passes_baseline_drives_baseline_evaluators", b.BaselineDrivesBaselineEvaluators);
            w.WriteNumber("passes_candidate_drives_baseline_evaluators", b.CandidateDrivesBaselineEvaluators);
            w.WriteNumber("passes_baseline_drives_candidate_evaluators", b.BaselineDrivesCandidateEvaluators);
            w.WriteNumber("passes_candidate_drives_candidate_evaluators", b.CandidateDrivesCandidateEvaluators);
            Number(w, "total", b.Total);
            Number(w, "driving", b.Driving);
            Number(w, "evaluator", b.Evaluator);
            Number(w, "driving_at_baseline_evaluators", b.DrivingAtBaselineEvaluators);
            Number(w, "evaluator_at_candidate_drives", b.EvaluatorAtCandidateDrives);
            Number(w, "evaluator_at_baseline_drives", b.EvaluatorAtBaselineDrives);
            Number(w, "driving_at_candidate_evaluators", b.DrivingAtCandidateEvaluators);
            Number(w, "interaction", b.Interaction);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("scenarios");
        foreach (var s in a.Scenarios)
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario);
            w.WriteString("behaviour", s.Behavior);
            Text(w, "baseline_drive_sha256", s.BaselineDriveSha256);
            Text(w, "candidate_drive_sha256", s.CandidateDriveSha256);
            Flag(w, "baseline_drives_baseline_evaluators", s.BaselineDrivesBaselineEvaluators);
            Flag(w, "candidate_drives_baseline_evaluators", s.CandidateDrivesBaselineEvaluators);
            Flag(w, "baseline_drives_candidate_evaluators", s.BaselineDrivesCandidateEvaluators);
            Flag(w, "candidate_drives_candidate_evaluators", s.CandidateDrivesCandidateEvaluators);
            Text(w, "excluded", s.Excluded);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Flag(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Side(Utf8JsonWriter w, string name, ComparedRun run, FlipRates history)
    {
        w.WriteStartObject(name);
        w.WriteString("run_id", run.Run.Value);
        w.WriteString("candidate", run.Candidate);
        w.WriteString("fingerprint", run.Fingerprint);
        w.WriteString("started_at", run.StartedAt);
        w.WriteNumber("cases", run.Cases.Count);
        w.WriteNumber("history_runs", history.Runs);
        w.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter w, string name, int passes, int pairs, ConfidenceInterval? interval)
    {
        w.WriteStartObject(name);
        Number(w, "estimate", pairs == 0 ? double.NaN : (double)passes / pairs);
        Number(w, "lower", interval?.Lower ?? double.NaN);
        Number(w, "upper", interval?.Upper ?? double.NaN);
        w.WriteString("method", interval?.Method ?? "wilson");
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, string name, ConfidenceInterval? interval)
    {
        w.WriteStartObject(name);
        Number(w, "lower", interval?.Lower ?? double.NaN);
        Number(w, "upper", interval?.Upper ?? double.NaN);
        Number(w, "level", interval?.Level ?? double.NaN);
        w.WriteString("method", interval?.Method ?? string.Empty);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
