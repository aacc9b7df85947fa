using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Workflows;

/// <summary>
/// Runs a workflow's steps in order: <c>retrieve</c> (the k most similar golden cases by MiniLM cosine similarity),
/// <c>tool</c> (an <see cref="AIFunction"/> with the step's arguments), <c>judge</c> (a judge with the cited retrieve step's
/// cases as worked examples), <c>aggregate</c> (the mean of the cited steps' values against a threshold). Each step is
/// a <c>workflow.step</c> activity of <see cref="Judge.Source"/> and a <see cref="WorkflowStepTrace"/>. Fails closed: a
/// step that throws, a judge verdict that is inconclusive, a missing input, or a budget (steps, tokens, time) exceeded
/// ends the run with an inconclusive verdict naming the step.
/// </summary>
public static class WorkflowRunner
{
    /// <summary>Runs a workflow.</summary>
    /// <param name="spec">The workflow.</param>
    /// <param name="context">The drive, cases, tools and judges.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<WorkflowVerdict> RunAsync(WorkflowSpec spec, WorkflowContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        using var run = Judge.Source.StartActivity("workflow.run");
        run?.SetTag("workflow", spec.Id);
        run?.SetTag("input_sha256", context.Narration.Sha256);
        var trace = new List<WorkflowStepTrace>();
        var retrieved = new Dictionary<string, IReadOnlyList<Retrieval.RetrievedCase>>(StringComparer.Ordinal);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(spec.MaxSeconds));
        for (int i = 0; i < spec.Steps.Count; i++)
        {
            var step = spec.Steps[i];
            if (i >= spec.MaxSteps)
            {
                return Closed(spec, trace, $"the step budget of {spec.MaxSteps} steps is spent before step '{step.Id}'");
            }

            using var activity = Judge.Source.StartActivity("workflow.step");
            activity?.SetTag("workflow", spec.Id);
            activity?.SetTag("step", step.Id);
            activity?.SetTag("kind", step.Kind);
            var started = Stopwatch.GetTimestamp();
            WorkflowStepTrace t;
            try
            {
                t = await RunStepAsync(step, context, retrieved, values, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                t = new WorkflowStepTrace(step.Id, step.Kind, Describe(step), null, null, null, 0, 0, string.Create(CultureInfo.InvariantCulture, $"the time budget of {spec.MaxSeconds:0.###} s ran out"));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or Errors.AvEvalException or HttpRequestException)
            {
                t = new WorkflowStepTrace(step.Id, step.Kind, Describe(step), null, null, null, 0, 0, $"{e.GetType().Name}: {e.Message}");
            }

            t = t with { LatencyMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            activity?.SetTag("input", t.Input);
            activity?.SetTag("output", t.Output);
            activity?.SetTag("model", t.Model);
            activity?.SetTag("tokens", t.Tokens);
            activity?.SetTag("latency_ms", t.LatencyMilliseconds);
            activity?.SetStatus(t.Problem is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, t.Problem);
            trace.Add(t);
            tokens += t.Tokens;
            if (t.Problem is not null)
            {
                return Closed(spec, trace, $"step '{step.Id}' ({step.Kind}) failed: {t.Problem}");
            }

            if (tokens > spec.MaxTokens)
            {
                return Closed(spec, trace, $"the token budget of {spec.MaxTokens} tokens is exceeded after step '{step.Id}' ({tokens} used)");
            }
        }

        var last = trace[^1];
        if (spec.Steps[^1].Kind != "aggregate" || last.Value is not { } p)
        {
            return Closed(spec, trace, "the workflow does not end with an aggregate step that gave a value");
        }

        double threshold = Threshold(spec.Steps[^1]);
        string outcome = p >= threshold ? "pass" : "fail";
        string rationale = string.Join("; ", trace.Select(s => $"[{s.Step}] {s.Output}")) + string.Create(CultureInfo.InvariantCulture, $"; so {p:F3} {(p >= threshold ? ">=" : "<")} threshold {threshold:0.###}: {outcome}");
        run?.SetTag("outcome", outcome);
        return new WorkflowVerdict(spec.Id, outcome, p, rationale, trace);
    }

    private static async Task<WorkflowStepTrace> RunStepAsync(WorkflowStep step, WorkflowContext context, Dictionary<string, IReadOnlyList<Retrieval.RetrievedCase>> retrieved, Dictionary<string, double> values, CancellationToken ct)
    {
        switch (step.Kind)
        {
            case "retrieve":
                var index = context.Index ?? throw new InvalidOperationException("no golden cases were given to retrieve from");
                int k = int.Parse(step.Settings.GetValueOrDefault("k", "3"), CultureInfo.InvariantCulture);
                var cases = index.Nearest(context.Narration.Text, k, cancellationToken: ct);
                retrieved[step.Id] = cases;
                return new WorkflowStepTrace(step.Id, step.Kind, $"narration {context.Narration.Sha256[..12]}, k={k} of {index.Count} cases", $"nearest cases {string.Join(", ", cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Id} (label {c.Label ?? "none"}, cosine {c.Similarity:F3})")))}", null, Retrieval.SentenceEmbedder.ModelName, 0, 0, null);
            case "tool":
                string name = step.Settings.GetValueOrDefault("tool") ?? throw new InvalidOperationException($"step '{step.Id}' names no tool");
                var tool = context.Tools.FirstOrDefault(t => t.Name == name) ?? throw new InvalidOperationException($"no tool named '{name}' (tools: {string.Join(", ", context.Tools.Select(t => $"'{t.Name}'"))})");
                var arguments = new AIFunctionArguments();
                foreach (string pair in step.Settings.GetValueOrDefault("arguments", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    int eq = pair.IndexOf('=', StringComparison.Ordinal);
                    arguments[pair[..eq]] = pair[(eq + 1)..];
                }

                object? result = await tool.InvokeAsync(arguments, ct);
                double value = result switch
                {
                    JsonElement { ValueKind: JsonValueKind.Number } j => j.GetDouble(),
                    IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                    _ => throw new InvalidOperationException($"tool '{name}' returned '{result}', not a number"),
                };
                values[step.Id] = value;
                return new WorkflowStepTrace(step.Id, step.Kind, $"{name}({step.Settings.GetValueOrDefault("arguments", string.Empty)})", string.Create(CultureInfo.InvariantCulture, $"{name} = {value:0.####}"), value, null, 0, 0, null);
            case "judge":
                string key = step.Settings.GetValueOrDefault("judge") ?? throw new InvalidOperationException($"step '{step.Id}' names no judge");
                var judge = context.Judges(key);
                var examples = step.Settings.TryGetValue("examples", out string? from)
                    ? retrieved.GetValueOrDefault(from)?.Select(c => $"Case {c.Id} (label: {c.Label ?? "unknown"}):\n{c.Text}").ToList() ?? throw new InvalidOperationException($"step '{from}' retrieved nothing")
                    : [];
                var verdict = await judge.EvaluateAsync(context.Narration.Text, context.Image, examples, ct);
                if (verdict.Probability is not { } p)
                {
                    return new WorkflowStepTrace(step.Id, step.Kind, $"{judge.Card.Key} with {examples.Count} examples", null, null, verdict.Model, 0, verdict.Tokens, verdict.Reason);
                }

                values[step.Id] = p;
                return new WorkflowStepTrace(step.Id, step.Kind, $"{judge.Card.Key} with {examples.Count} examples", string.Create(CultureInfo.InvariantCulture, $"{judge.Card.Key} voted {judge.Card.Output.Field} = '{judge.Card.Output.Positive}' in {p:0.###} of {verdict.Samples.Count} samples"), p, verdict.Model, 0, verdict.Tokens, null);
            default:
                var inputs = step.Settings.GetValueOrDefault("inputs", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
                var missing = inputs.FirstOrDefault(x => !values.ContainsKey(x));
                if (inputs.Length == 0 || missing is not null)
                {
                    throw new InvalidOperationException(inputs.Length == 0 ? "the aggregate cites no inputs" : $"input step '{missing}' gave no value");
                }

                double mean = inputs.Average(x => values[x]);
                return new WorkflowStepTrace(step.Id, step.Kind, string.Join(", ", inputs), string.Create(CultureInfo.InvariantCulture, $"mean of {string.Join(", ", inputs.Select(x => $"{x} {values[x]:0.###}"))} = {mean:F3}"), mean, null, 0, 0, null);
        }
    }

    private static double Threshold(WorkflowStep step) => double.Parse(step.Settings.GetValueOrDefault("threshold", "0.5"), CultureInfo.InvariantCulture);

    private static string Describe(WorkflowStep step) => string.Join(", ", step.Settings.Select(p => $"{p.Key}={p.Value}"));

    private static WorkflowVerdict Closed(WorkflowSpec spec, List<WorkflowStepTrace> trace, string why) =>
        new(spec.Id, "inconclusive", null, $"{why}; the verdict fails closed", trace);
}
