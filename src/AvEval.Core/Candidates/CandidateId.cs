namespace AvEval.Candidates;

/// <summary>The stable id of a release candidate, e.g. <c>rc-2026.12.1</c> or <c>human</c>.</summary>
/// <param name="Value">The id as <c>scenarios/candidates.yaml</c> spells it.</param>
public readonly record struct CandidateId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
