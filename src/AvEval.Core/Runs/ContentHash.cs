namespace AvEval.Runs;

/// <summary>One file a run read, by content.</summary>
/// <param name="Path">Relative to the suite root, '/' separators.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
public sealed record ContentHash(string Path, string Sha256);
