using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios;

namespace AvEval.Xunit;

/// <summary>A scenario driven by a candidate, analyzed and judged.</summary>
/// <param name="Spec">The scenario.</param>
/// <param name="Candidate">The candidate that drove.</param>
/// <param name="Drive">The drive.</param>
/// <param name="Evaluation">What the rule analyzers found.</param>
/// <param name="Verdict">The scenario's expectations judged on <paramref name="Evaluation"/>.</param>
public sealed record ScenarioResult(ScenarioSpec Spec, ICandidate Candidate, Drive Drive, Evaluation Evaluation, Verdict Verdict)
{
    /// <summary>The drive and its evaluation, for C# assertions.</summary>
    public EvaluatedDrive EvaluatedDrive => new($"{Spec.DisplayName} @ {Candidate.Id}", Drive, Evaluation);
}
