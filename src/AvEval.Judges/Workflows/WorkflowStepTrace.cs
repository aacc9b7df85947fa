namespace AvEval.Judges.Workflows;

/// <summary>What one workflow step did, kept with the verdict (and emitted as a <c>workflow.step</c> activity).</summary>
/// <param name="Step">The step id.</param>
/// <param name="Kind">The step kind.</param>
/// <param name="Input">What it was given, in words.</param>
/// <param name="Output">What it produced, in words; null when it failed.</param>
/// <param name="Value">Its numeric result (a probability or a tool's number); null when none.</param>
/// <param name="Model">The model identity it used (judge or embedding model); null for rule tools.</param>
/// <param name="LatencyMilliseconds">Its wall time, in milliseconds.</param>
/// <param name="Tokens">Judge tokens it spent (prompt plus output; 0 for cache hits' recorded tokens are counted as recorded).</param>
/// <param name="Problem">Why it failed; null when it succeeded.</param>
public sealed record WorkflowStepTrace(string Step, string Kind, string Input, string? Output, double? Value, string? Model, double LatencyMilliseconds, long Tokens, string? Problem);
