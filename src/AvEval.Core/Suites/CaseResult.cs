using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios;

namespace AvEval.Suites;

/// <summary>A scenario driven by a candidate, analyzed and judged.</summary>
/// <param name="Spec">The scenario.</param>
/// <param name="Candidate">The candidate that drove (for a log check, the recorded drive under the id <c>log</c>).</param>
/// <param name="Drive">The drive.</param>
/// <param name="Evaluation">What the rule analyzers and the pinned learned evaluators found.</param>
/// <param name="Verdict">The scenario's expectations judged on <paramref name="Evaluation"/>.</param>
public sealed record CaseResult(ScenarioSpec Spec, ICandidate Candidate, Drive Drive, Evaluation Evaluation, Verdict Verdict);
