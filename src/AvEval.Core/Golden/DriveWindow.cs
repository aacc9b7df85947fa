namespace AvEval.Golden;

/// <summary>A half-open time window [<paramref name="StartSeconds"/>, <paramref name="EndSeconds"/>) of one ego in one scene.</summary>
/// <param name="Scene">The scene id.</param>
/// <param name="SceneSha256">The scene's content hash (its provenance hash), so that a changed log is noticed.</param>
/// <param name="Log">The log file, relative to the repository root; null when the scene is not in the repository.</param>
/// <param name="Ego">The ego track id.</param>
/// <param name="StartSeconds">Window start, s of scene time (inclusive).</param>
/// <param name="EndSeconds">Window end, s of scene time (exclusive).</param>
/// <param name="Other">The other agent the item is about (a cut-in candidate), or null.</param>
public sealed record DriveWindow(string Scene, string SceneSha256, string? Log, string Ego, double StartSeconds, double EndSeconds, string? Other = null);
