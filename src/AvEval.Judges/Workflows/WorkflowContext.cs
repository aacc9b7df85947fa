using AvEval.Judges.Narration;
using AvEval.Judges.Retrieval;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Workflows;

/// <summary>What a workflow runs on: the drive's narration, the golden cases to retrieve from, the tools, and the judges.</summary>
/// <param name="Narration">The drive's narration.</param>
/// <param name="Index">The golden cases' MiniLM index (for <c>retrieve</c> steps); null when the workflow has none.</param>
/// <param name="Tools">The tools (<c>tool</c> steps name them).</param>
/// <param name="Judges">The judge of a <c>id@pin</c> (for <c>judge</c> steps).</param>
/// <param name="Image">The drive's bird's-eye view, which <c>judge</c> steps give a vision-language judge; null for none (such a judge is then inconclusive).</param>
public sealed record WorkflowContext(DriveNarration Narration, NarrationIndex? Index, IReadOnlyList<AIFunction> Tools, Func<string, Judge> Judges, Vision.BirdsEyeImage? Image = null);
