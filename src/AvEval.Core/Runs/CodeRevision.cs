namespace AvEval.Runs;

/// <summary>The source revision a run was made with.</summary>
/// <param name="Commit">The git commit, or null outside a git checkout.</param>
/// <param name="Dirty">Whether tracked files differed from <paramref name="Commit"/>.</param>
public sealed record CodeRevision(string? Commit, bool Dirty);
