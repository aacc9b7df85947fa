namespace AvEval.Judges.Workflows;

/// <summary>One step of a workflow file.</summary>
/// <param name="Id">The step's id (unique in the workflow), which later steps cite.</param>
/// <param name="Kind"><c>retrieve</c>, <c>tool</c>, <c>judge</c> or <c>aggregate</c>.</param>
/// <param name="Settings">The step's other fields (<c>k</c>; <c>tool</c> and <c>arguments</c>; <c>judge</c> and <c>examples</c>; <c>inputs</c> and <c>threshold</c>), as written.</param>
/// <param name="Line">The step's 1-based line in the file.</param>
public sealed record WorkflowStep(string Id, string Kind, IReadOnlyDictionary<string, string> Settings, int Line);
