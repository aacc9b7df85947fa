using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Suites;

namespace AvEval.Xunit;

/// <summary>A scenario driven by a candidate, analyzed and judged (Core's <see cref="CaseResult"/>, with the drive for C# assertions).</summary>
/// <param name="Spec">The scenario.</param>
/// <param name="Candidate">The candidate that drove.</param>
/// <param name="Drive">The drive.</param>
/// <param name="Evaluation">What the rule analyzers found.</param>
/// <param name="Verdict">The scenario's expectations judged on <paramref name="Evaluation"/>.</param>
public sealed record ScenarioResult(ScenarioSpec Spec, ICandidate Candidate, Drive Drive, Evaluation Evaluation, Verdict Verdict)
{
    /// <summary>The drive and its evaluation, for C# assertions.</summary>
    public EvaluatedDrive EvaluatedDrive => new($"{Spec.DisplayName} @ {Candidate.Id}", Drive, Evaluation);

    /// <summary>The xunit view of a Core result.</summary>
    /// <param name="result">The result.</param>
    public static ScenarioResult Of(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScenarioResult(result.Spec, result.Candidate, result.Drive, result.Evaluation, result.Verdict);
    }

    /// <summary>This result as Core's runner reports it.</summary>
    public CaseResult ToCaseResult() => new(Spec, Candidate, Drive, Evaluation, Verdict);
}
