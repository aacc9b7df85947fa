namespace AvEval.Judges.Workflows;

/// <summary>
/// An agentic evaluation workflow (<c>scenarios/workflows/*.yaml</c>, schema <c>scenarios/schema/workflow.schema.json</c>):
/// steps in order, with budgets on steps, tokens and wall time.
/// </summary>
/// <param name="Id">The workflow id.</param>
/// <param name="Description">What it decides.</param>
/// <param name="MaxSteps">The most steps it may run.</param>
/// <param name="MaxTokens">The most judge tokens (prompt plus output) it may spend.</param>
/// <param name="MaxSeconds">The most wall time, in seconds.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="File">The file it was read from.</param>
public sealed record WorkflowSpec(string Id, string Description, int MaxSteps, long MaxTokens, double MaxSeconds, IReadOnlyList<WorkflowStep> Steps, string File);
