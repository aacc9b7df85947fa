namespace AvEval.Judges.Workflows;

/// <summary>A workflow's structured verdict: pass, fail or inconclusive (any failed step, or a budget exceeded), with a rationale citing the steps' evidence, and the trace.</summary>
/// <param name="Workflow">The workflow id.</param>
/// <param name="Outcome"><c>pass</c>, <c>fail</c> or <c>inconclusive</c>.</param>
/// <param name="Probability">The aggregated probability; null when inconclusive.</param>
/// <param name="Rationale">Why, citing each step's evidence by step id.</param>
/// <param name="Trace">Every step run, in order.</param>
public sealed record WorkflowVerdict(string Workflow, string Outcome, double? Probability, string Rationale, IReadOnlyList<WorkflowStepTrace> Trace);
