namespace AvEval.Tracking.Comparison;

/// <summary>
/// Which run one side of a comparison is: a run id (<c>run-…</c>), a run id with the candidate to take from it
/// (<c>run-…@rc-2026.12.1</c>, for a run of several candidates), or a candidate id, meaning that candidate's latest
/// complete run.
/// </summary>
/// <param name="Text">The selector as written.</param>
public readonly record struct RunSelector(string Text)
{
    /// <summary>The run id part, or null when the selector is a candidate id.</summary>
    public string? Run => Text.StartsWith("run-", StringComparison.Ordinal) ? (Text.IndexOf('@', StringComparison.Ordinal) is int at and >= 0 ? Text[..at] : Text) : null;

    /// <summary>The candidate part: the whole text for a candidate id, the part after '@' for a run, else null.</summary>
    public string? Candidate => Run is null ? Text : Text.IndexOf('@', StringComparison.Ordinal) is int at and >= 0 ? Text[(at + 1)..] : null;

    /// <inheritdoc/>
    public override string ToString() => Text;
}
