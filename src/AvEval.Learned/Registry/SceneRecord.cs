namespace AvEval.Learned.Registry;

/// <summary>A scene used in training or validation.</summary>
/// <param name="Id">Scene id.</param>
/// <param name="File">The log, relative to the repository root.</param>
/// <param name="ContentSha256">The scene's content hash (its provenance).</param>
public sealed record SceneRecord(string Id, string File, string ContentSha256);
